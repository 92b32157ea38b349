import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { polySchedule } from "../../../lib/src/schedules/polySchedule";

describe("polySchedule", () => {
  it("polySchedule warms up linearly, decays as (1 - progress)^power, then stays at finalLr", () => {
    const s = polySchedule(0.1, { maxUpdate: 10, power: 1, warmupSteps: 2 });
    const want = [0, 0.05, 0.1, 0.0875, 0.075, 0.0625, 0.05, 0.0375, 0.025, 0.0125, 0, 0];
    want.forEach((w, t) => assert.ok(Math.abs(s(t) - w) < 1e-15, `t=${t}: ${s(t)}`));
  });

  it("polySchedule with power 2 and no warmup starts at lr and is a quarter of it halfway", () => {
    const s = polySchedule(0.4, { maxUpdate: 10, finalLr: 0 });
    assert.equal(s(0), 0.4);
    assert.ok(Math.abs(s(5) - 0.1) < 1e-15);
  });

  it("polySchedule needs maxUpdate after the warmup", () => {
    assert.throws(() => polySchedule(0.1, { maxUpdate: 2, warmupSteps: 2 }), /Invalid maxUpdate: 2/);
  });
});
