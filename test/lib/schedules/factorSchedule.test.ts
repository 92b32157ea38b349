import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { factorSchedule } from "../../../lib/src/schedules/factorSchedule";

describe("factorSchedule", () => {
  it("factorSchedule(2, factor 0.9, stop 0.01) multiplies by 0.9 per step and floors at 0.01", () => {
    const s = factorSchedule(2, { factor: 0.9, stopFactorLr: 1e-2 });
    assert.equal(s(0), 2);
    assert.ok(Math.abs(s(2) - 1.62) < 1e-15);
    assert.equal(s(100), 0.01); // 2 · 0.9^100 = 5.3e-5 < 0.01
  });

  it("factorSchedule's step t equals D2L's FactorScheduler called t times", () => {
    // d2l: each call does base_lr = max(stop, base_lr * factor) and returns it.
    let base = 2;
    const s = factorSchedule(2, { factor: 0.9, stopFactorLr: 1e-2 });
    for (let call = 0; call < 60; call++) {
      base = Math.max(1e-2, base * 0.9);
      assert.equal(s(call + 1), base);
    }
  });
});
