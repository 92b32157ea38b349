import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded } from "../../../lib/src/core/random";
import { sgdStep32, type SgdOptions32 } from "../../../lib/src/nn/sgdStep32";

/** torch.optim.SGD's update, written plainly in float64 (torch/optim/sgd.py, _single_tensor_sgd). */
function reference(p: Float64Array, grads: Float32Array[], o: SgdOptions32): Float64Array {
  let buf: Float64Array | null = null;
  for (const g32 of grads) {
    const d = Float64Array.from(g32, (g, i) => g + o.weightDecay * p[i]);
    if (o.momentum !== 0) {
      if (buf === null) buf = Float64Array.from(d);
      else for (let i = 0; i < p.length; i++) buf[i] = o.momentum * buf[i] + (1 - o.dampening) * d[i];
      for (let i = 0; i < p.length; i++) d[i] = o.nesterov ? d[i] + o.momentum * buf[i] : buf[i];
    }
    for (let i = 0; i < p.length; i++) p[i] -= o.lr * d[i];
  }
  return p;
}

function compare(o: SgdOptions32): void {
  const rng = seeded(1);
  const n = 300;
  const p0 = Float32Array.from({ length: n }, () => rng.normal());
  const grads = Array.from({ length: 100 }, () => Float32Array.from({ length: n }, () => rng.normal()));
  const p = Float32Array.from(p0);
  const state = { t: 0, buf: new Float32Array(n) };
  for (const g of grads) assert.equal(sgdStep32(p, g, state, o), p);
  const expected = reference(Float64Array.from(p0), grads, o);
  // float32 storage of p and the buffer: about 1e-7 relative per step, 100 steps
  p.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]) < 1e-5 * (1 + Math.abs(expected[i])), `${i}: ${v} vs ${expected[i]}`),
  );
  assert.equal(state.t, 100);
}

describe("sgdStep32", () => {
  it("sgd with momentum: the buffer starts as the first gradient (the TSDoc example)", () => {
    const p = Float32Array.of(1);
    const s = { t: 0, buf: new Float32Array(1) };
    const o = { lr: 0.1, momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 0 };
    sgdStep32(p, Float32Array.of(1), s, o); // buf = 1, p = 1 - 0.1
    assert.equal(p[0], Math.fround(0.9));
    sgdStep32(p, Float32Array.of(1), s, o); // buf = 0.9 * 1 + 1 = 1.9, p = 0.9 - 0.19 = 0.71
    assert.equal(p[0], Math.fround(Math.fround(0.9) - 0.1 * 1.9));
  });

  const cases: [string, SgdOptions32][] = [
    ["plain sgd", { lr: 0.01, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 }],
    [
      "momentum 0.9 with dampening 0.1 and weight decay",
      { lr: 0.01, momentum: 0.9, dampening: 0.1, nesterov: false, weightDecay: 1e-2 },
    ],
    ["nesterov momentum", { lr: 0.01, momentum: 0.9, dampening: 0, nesterov: true, weightDecay: 0 }],
  ];
  for (const [name, o] of cases) {
    it(`${name}: 100 float32 steps equal torch's update in float64 to 1e-5`, () => compare(o));
  }
});
