import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { exponentialDecay } from "../../../lib/src/schedules/exponentialDecay";

describe("exponentialDecay", () => {
  it("exponentialDecay is eta0 · lambda^(s/k): halves every 10 steps, smoothly between", () => {
    const s = exponentialDecay(0.2, { decayRate: 0.5, decaySteps: 10 });
    assert.equal(s(10), 0.1);
    assert.ok(Math.abs(s(5) - 0.2 * Math.SQRT1_2) < 1e-15);
  });

  it("with staircase the exponent is floor(s/k)", () => {
    const s = exponentialDecay(0.2, { decayRate: 0.5, decaySteps: 10, staircase: true });
    assert.deepEqual([s(9), s(10), s(25)], [0.2, 0.1, 0.05]);
  });
});
