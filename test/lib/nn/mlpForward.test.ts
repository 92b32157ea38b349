import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded } from "../../../lib/src/core/random";
import { createMlp, type Mlp } from "../../../lib/src/nn/mlp";
import { mlpForward } from "../../../lib/src/nn/mlpForward";

/** The forward pass in float64, written out plainly: the reference for both backends. */
function forward64(model: Mlp, X: Float32Array, count: number): Float64Array {
  let a = Float64Array.from(X.subarray(0, count * model.sizes[0]));
  model.layers.forEach(({ inputs, outputs, W, b }, l) => {
    const z = new Float64Array(count * outputs);
    for (let i = 0; i < count; i++)
      for (let j = 0; j < outputs; j++) {
        let s = b[j];
        for (let p = 0; p < inputs; p++) s += a[i * inputs + p] * W[p * outputs + j];
        z[i * outputs + j] = l < model.layers.length - 1 ? Math.max(s, 0) : s;
      }
    a = z;
  });
  return a;
}

describe("mlpForward", () => {
  it("zero input and zero biases give zero logits", () => {
    const model = createMlp({ sizes: [2, 3, 2] });
    assert.deepEqual([...mlpForward(model, new Float32Array(2), 1)], [0, 0]);
  });

  for (const backend of ["js", "wasm"] as const) {
    it(`the ${backend} backend equals a float64 forward pass to float32 rounding`, () => {
      const model = createMlp({ sizes: [30, 17, 9, 4], seed: 3, backend });
      const rng = seeded(4);
      model.params.forEach((_, k) => (model.params[k] += 0.1 * rng.normal())); // nonzero biases too
      const X = Float32Array.from({ length: 11 * 30 }, () => rng.uniform());
      const logits = mlpForward(model, X, 11);
      const expected = forward64(model, X, 11);
      assert.equal(logits.length, 11 * 4);
      logits.forEach((v, k) =>
        assert.ok(Math.abs(v - expected[k]) < 1e-5 * (1 + Math.abs(expected[k])), `${k}`),
      );
    });
  }

  it("rejects a batch larger than the workspace and an input too short", () => {
    const model = createMlp({ sizes: [2, 2], maxBatch: 4 });
    assert.throws(
      () => mlpForward(model, new Float32Array(10), 5),
      /Invalid batch size: 5 \(the model's workspace holds 1\.\.4 rows\)/,
    );
    assert.throws(() => mlpForward(model, new Float32Array(3), 2), /Input has 3 values, 2 rows of 2 need 4/);
  });
});
