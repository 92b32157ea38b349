import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cosineAnnealingLR } from "../../../lib/src/schedules/cosineAnnealingLR";

describe("cosineAnnealingLR", () => {
  it("cosineAnnealingLR falls from lr to etaMin over tMax steps, halfway at tMax/2", () => {
    const s = cosineAnnealingLR(0.1, { tMax: 20, etaMin: 0.001 });
    assert.equal(s(0), 0.1);
    assert.ok(Math.abs(s(10) - 0.0505) < 1e-15);
    assert.ok(Math.abs(s(20) - 0.001) < 1e-15);
  });

  it("cosineAnnealingLR rises again after tMax (period 2·tMax) and stays close to the closed form", () => {
    const lr = 0.1;
    const etaMin = 0.001;
    const s = cosineAnnealingLR(lr, { tMax: 20, etaMin });
    for (let t = 0; t <= 200; t++) {
      const closed = etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * t) / 20))) / 2;
      assert.ok(Math.abs(s(t) - closed) < 1e-12, `t=${t}`);
    }
    assert.ok(Math.abs(s(40) - 0.1) < 1e-12);
  });

  it("cosineAnnealingLR's etaMin defaults to 0", () => {
    assert.ok(Math.abs(cosineAnnealingLR(1, { tMax: 4 })(4)) < 1e-15);
  });
});
