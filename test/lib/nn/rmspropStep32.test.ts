import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded } from "../../../lib/src/core/random";
import { rmspropStep32, type RmspropOptions32 } from "../../../lib/src/nn/rmspropStep32";

/** torch.optim.RMSprop's update (momentum 0, not centered), plainly in float64 (torch/optim/rmsprop.py). */
function reference(p: Float64Array, grads: Float32Array[], o: RmspropOptions32): Float64Array {
  const v = new Float64Array(p.length);
  for (const g32 of grads) {
    for (let i = 0; i < p.length; i++) {
      const g = g32[i] + o.weightDecay * p[i];
      v[i] = o.alpha * v[i] + (1 - o.alpha) * g * g;
      p[i] -= (o.lr * g) / (Math.sqrt(v[i]) + o.eps);
    }
  }
  return p;
}

function compare(o: RmspropOptions32): void {
  const rng = seeded(3);
  const n = 300;
  const p0 = Float32Array.from({ length: n }, () => rng.normal());
  const grads = Array.from({ length: 100 }, () => Float32Array.from({ length: n }, () => rng.normal()));
  const p = Float32Array.from(p0);
  const state = { t: 0, squareAvg: new Float32Array(n) };
  for (const g of grads) assert.equal(rmspropStep32(p, g, state, o), p);
  const expected = reference(Float64Array.from(p0), grads, o);
  p.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]) < 1e-5 * (1 + Math.abs(expected[i])), `${i}: ${v} vs ${expected[i]}`),
  );
}

describe("rmspropStep32", () => {
  it("rmsprop's first step is lr / sqrt(1 - alpha) = 10 lr for alpha 0.99 (no bias correction)", () => {
    const p = Float32Array.of(1);
    rmspropStep32(
      p,
      Float32Array.of(1),
      { t: 0, squareAvg: new Float32Array(1) },
      { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0 },
    );
    assert.ok(Math.abs(p[0] - 0.9) < 1e-6); // v = 0.01, step 0.01 * 1 / (0.1 + 1e-8)
  });

  it("torch defaults: 100 float32 steps equal torch's update in float64 to 1e-5", () =>
    compare({ lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0 }));
  it("alpha 0.9 with weight decay: 100 steps equal torch's update to 1e-5", () =>
    compare({ lr: 0.001, alpha: 0.9, eps: 1e-6, weightDecay: 1e-2 }));
});
