import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { warmup } from "../../../lib/src/schedules/warmup";
import { cosineAnnealingLR } from "../../../lib/src/schedules/cosineAnnealingLR";

describe("warmup", () => {
  it("warmup ramps linearly from 0 to schedule(0), then runs the schedule from its step 0", () => {
    const base = cosineAnnealingLR(0.1, { tMax: 10 });
    const s = warmup(base, { steps: 4 });
    [0, 0.025, 0.05, 0.075].forEach((w, t) => assert.ok(Math.abs(s(t) - w) < 1e-15, `t=${t}`));
    assert.equal(s(4), base(0));
    assert.equal(s(9), base(5));
  });

  it("warmup can start from a factor of the schedule's first value", () => {
    const s = warmup(() => 0.2, { steps: 2, startFactor: 0.5 });
    assert.deepEqual([s(0), s(1), s(2)], [0.1, 0.15000000000000002, 0.2]);
  });

  it("warmup refuses startLr and startFactor together", () => {
    assert.throws(() => warmup(() => 0.2, { steps: 2, startLr: 0, startFactor: 0.5 }), /not both/);
  });
});
