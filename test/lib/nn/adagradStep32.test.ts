import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded } from "../../../lib/src/core/random";
import { adagradStep32, type AdagradOptions32 } from "../../../lib/src/nn/adagradStep32";

/** torch.optim.Adagrad's update, written plainly in float64 (torch/optim/adagrad.py, _single_tensor_adagrad). */
function reference(p: Float64Array, grads: Float32Array[], o: AdagradOptions32, init: number): Float64Array {
  const sum = new Float64Array(p.length).fill(init);
  grads.forEach((g32, k) => {
    const step = k + 1;
    const clr = o.lr / (1 + (step - 1) * o.lrDecay);
    for (let i = 0; i < p.length; i++) {
      const g = g32[i] + o.weightDecay * p[i];
      sum[i] += g * g;
      p[i] -= (clr * g) / (Math.sqrt(sum[i]) + o.eps);
    }
  });
  return p;
}

function compare(o: AdagradOptions32, init: number): void {
  const rng = seeded(2);
  const n = 300;
  const p0 = Float32Array.from({ length: n }, () => rng.normal());
  const grads = Array.from({ length: 100 }, () => Float32Array.from({ length: n }, () => rng.normal()));
  const p = Float32Array.from(p0);
  const state = { t: 0, sum: new Float32Array(n).fill(init) };
  for (const g of grads) assert.equal(adagradStep32(p, g, state, o), p);
  const expected = reference(Float64Array.from(p0), grads, o, init);
  p.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]) < 1e-5 * (1 + Math.abs(expected[i])), `${i}: ${v} vs ${expected[i]}`),
  );
}

describe("adagradStep32", () => {
  it("adagrad's first step has size lr in every coordinate (s = g^2)", () => {
    const p = Float32Array.of(1, -3);
    adagradStep32(
      p,
      Float32Array.of(2, -0.01),
      { t: 0, sum: new Float32Array(2) },
      { lr: 0.1, lrDecay: 0, weightDecay: 0, eps: 1e-10 },
    );
    assert.equal(p[0], Math.fround(0.9)); // 1 - 0.1 * 2 / 2
    assert.ok(Math.abs(p[1] - -2.9) < 1e-6); // -3 + 0.1 * 0.01 / 0.01
  });

  it("torch defaults: 100 float32 steps equal torch's update in float64 to 1e-5", () =>
    compare({ lr: 0.01, lrDecay: 0, weightDecay: 0, eps: 1e-10 }, 0));
  it("lr decay, weight decay and an initial accumulator value: 100 steps equal torch's update to 1e-5", () =>
    compare({ lr: 0.05, lrDecay: 0.01, weightDecay: 1e-2, eps: 1e-10 }, 0.1));
});
