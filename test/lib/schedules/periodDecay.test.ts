import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { periodDecay } from "../../../lib/src/schedules/periodDecay";

describe("periodDecay", () => {
  it("periodDecay replays the slide's loop: eta = 0.2, and after iteration i, if i % p == 0: eta = eta / k", () => {
    const p = 5;
    const k = 2;
    const s = periodDecay(0.2, { period: p, reductionRate: k });
    let eta = 0.2;
    for (let i = 1; i <= 30; i++) {
      assert.equal(s(i - 1), eta, `iteration ${i}`); // step t = i - 1 uses the current eta
      if (i % p === 0) eta = eta / k;
    }
  });

  it("periodDecay throws on a period of 0", () => {
    assert.throws(() => periodDecay(0.2, { period: 0, reductionRate: 2 }), /Invalid period: 0/);
  });
});
