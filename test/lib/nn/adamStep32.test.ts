import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded } from "../../../lib/src/core/random";
import { adamStep32, type AdamOptions32 } from "../../../lib/src/nn/adamStep32";

/** torch.optim.Adam's update, written plainly in float64 (torch/optim/adam.py, _single_tensor_adam). */
function reference(p: Float64Array, grads: Float32Array[], o: AdamOptions32): Float64Array {
  const [b1, b2] = o.betas;
  const m = new Float64Array(p.length);
  const v = new Float64Array(p.length);
  grads.forEach((g32, k) => {
    const step = k + 1;
    const stepSize = o.lr / (1 - b1 ** step);
    const bc2Sqrt = Math.sqrt(1 - b2 ** step);
    for (let i = 0; i < p.length; i++) {
      const g = g32[i] + o.weightDecay * p[i];
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      p[i] -= stepSize * (m[i] / (Math.sqrt(v[i]) / bc2Sqrt + o.eps));
    }
  });
  return p;
}

function compare(o: AdamOptions32): void {
  const rng = seeded(4);
  const n = 300;
  const p0 = Float32Array.from({ length: n }, () => rng.normal());
  const grads = Array.from({ length: 100 }, () => Float32Array.from({ length: n }, () => rng.normal()));
  const p = Float32Array.from(p0);
  const state = { t: 0, m: new Float32Array(n), v: new Float32Array(n) };
  for (const g of grads) assert.equal(adamStep32(p, g, state, o), p);
  const expected = reference(Float64Array.from(p0), grads, o);
  p.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]) < 1e-5 * (1 + Math.abs(expected[i])), `${i}: ${v} vs ${expected[i]}`),
  );
}

describe("adamStep32", () => {
  it("adam's first step has size lr in every coordinate, whatever the gradient", () => {
    const p = Float32Array.of(1, 1, 1);
    const s = { t: 0, m: new Float32Array(3), v: new Float32Array(3) };
    adamStep32(p, Float32Array.of(5, -0.001, 100), s, {
      lr: 0.1,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: 0,
    });
    // m̂ = g, v̂ = g^2: step = lr * g / (|g| + eps)
    assert.equal(p[0], Math.fround(0.9));
    assert.ok(Math.abs(p[1] - 1.1) < 1e-5); // |g| = 1e-3 is not small next to eps = 1e-8
    assert.equal(p[2], Math.fround(0.9));
    assert.equal(s.t, 1);
  });

  it("torch defaults: 100 float32 steps equal torch's update in float64 to 1e-5", () =>
    compare({ lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 }));
  it("lr 0.01, betas (0.8, 0.99), weight decay 0.01: 100 steps equal torch's update to 1e-5", () =>
    compare({ lr: 0.01, betas: [0.8, 0.99], eps: 1e-6, weightDecay: 1e-2 }));
});
