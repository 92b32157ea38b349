import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { linearLR } from "../../../lib/src/schedules/linearLR";

describe("linearLR", () => {
  it("linearLR(0.1, startFactor 0.5, totalIters 4) ramps 0.05, 0.0625, 0.075, 0.0875, 0.1, then stays", () => {
    const s = linearLR(0.1, { startFactor: 0.5, totalIters: 4 });
    const got = [0, 1, 2, 3, 4, 9].map(s);
    const want = [0.05, 0.0625, 0.075, 0.0875, 0.1, 0.1];
    got.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-15, `${i}: ${v}`));
  });

  it("linearLR can decay: endFactor below startFactor", () => {
    const s = linearLR(1, { startFactor: 1, endFactor: 0.5, totalIters: 2 });
    assert.deepEqual([s(0), s(1), s(2), s(3)], [1, 0.75, 0.5, 0.5]);
  });

  it("linearLR throws torch's messages, with the value", () => {
    assert.throws(
      () => linearLR(0.1, { startFactor: 0 }),
      /Starting multiplicative factor expected to be greater than 0 and less or equal to 1, got startFactor 0/,
    );
    assert.throws(
      () => linearLR(0.1, { endFactor: 1.5 }),
      /Ending multiplicative factor expected to be between 0 and 1, got endFactor 1.5/,
    );
  });
});
