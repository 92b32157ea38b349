import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded } from "../../../lib/src/core/random";
import { createMlp, type Mlp } from "../../../lib/src/nn/mlp";
import { mlpLossAndGrad } from "../../../lib/src/nn/mlpLossAndGrad";

/** Mean softmax cross-entropy of the network in float64, parameters taken from `theta` (the flat layout). */
function loss64(model: Mlp, theta: Float64Array, X: Float32Array, labels: number[]): number {
  const count = labels.length;
  let a = Float64Array.from(X);
  for (const [l, { inputs, outputs, offset }] of model.layers.entries()) {
    const z = new Float64Array(count * outputs);
    for (let i = 0; i < count; i++)
      for (let j = 0; j < outputs; j++) {
        let s = theta[offset + inputs * outputs + j];
        for (let p = 0; p < inputs; p++) s += a[i * inputs + p] * theta[offset + p * outputs + j];
        z[i * outputs + j] = l < model.layers.length - 1 ? Math.max(s, 0) : s;
      }
    a = z;
  }
  const C = model.sizes[model.sizes.length - 1];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const row = a.subarray(i * C, (i + 1) * C);
    const m = Math.max(...row);
    total += m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0)) - row[labels[i]];
  }
  return total / count;
}

function setup(backend: "js" | "wasm") {
  const model = createMlp({ sizes: [6, 5, 4, 3], seed: 11, backend });
  const rng = seeded(13);
  for (let k = 0; k < model.params.length; k++) model.params[k] += 0.1 * rng.normal();
  const X = Float32Array.from({ length: 7 * 6 }, () => rng.normal());
  const labels = [0, 1, 2, 2, 1, 0, 1];
  return { model, X, labels };
}

describe("mlpLossAndGrad", () => {
  it("zero input: logits 0, loss log 2, output-bias gradient softmax - onehot", () => {
    const model = createMlp({ sizes: [2, 3, 2] });
    assert.equal(mlpLossAndGrad(model, new Float32Array(2), [1], 1), Math.log(2));
    assert.deepEqual([...model.layers[1].db], [0.5, -0.5]);
  });

  it("the loss equals a float64 evaluation of the same network", () => {
    const { model, X, labels } = setup("js");
    const loss = mlpLossAndGrad(model, X, labels, 7);
    assert.ok(Math.abs(loss - loss64(model, Float64Array.from(model.params), X, labels)) < 1e-6);
  });

  it("gradient check: every parameter's gradient matches central differences of the float64 loss (h = 1e-6)", () => {
    const { model, X, labels } = setup("js");
    mlpLossAndGrad(model, X, labels, 7);
    const theta = Float64Array.from(model.params);
    const h = 1e-6;
    for (let k = 0; k < theta.length; k++) {
      const t0 = theta[k];
      theta[k] = t0 + h;
      const fp = loss64(model, theta, X, labels);
      theta[k] = t0 - h;
      const fm = loss64(model, theta, X, labels);
      theta[k] = t0;
      const fd = (fp - fm) / (2 * h);
      // the analytic gradient is float32: allow its rounding, 1e-5 relative, plus the difference's own error
      assert.ok(
        Math.abs(model.grads[k] - fd) < 1e-6 + 1e-5 * Math.abs(fd),
        `parameter ${k}: ${model.grads[k]} vs ${fd}`,
      );
    }
  });

  it("gradient check on the library's own float32 loss (h = 1e-3, skipping the few kinks of ReLU it crosses)", () => {
    const { model, X, labels } = setup("js");
    mlpLossAndGrad(model, X, labels, 7);
    const analytic = Float32Array.from(model.grads);
    const hidden = model.workspace.acts.slice(0, -1).map((a, l) => a.subarray(0, 7 * model.sizes[l + 1]));
    const pattern = () => hidden.map((a) => Array.from(a, (v) => v > 0).join()).join("|");
    const h = 1e-3;
    let skipped = 0;
    for (let k = 0; k < model.params.length; k++) {
      const t0 = model.params[k];
      model.params[k] = t0 + h;
      const fp = mlpLossAndGrad(model, X, labels, 7);
      const active = pattern();
      model.params[k] = t0 - h;
      const fm = mlpLossAndGrad(model, X, labels, 7);
      model.params[k] = t0;
      if (pattern() !== active) {
        skipped++; // a ReLU switched between t0 - h and t0 + h: the difference quotient is not a derivative there
        continue;
      }
      // Float32 parameters: the step actually taken is fround(t0 + h) - fround(t0 - h)
      const fd = (fp - fm) / (Math.fround(t0 + h) - Math.fround(t0 - h));
      assert.ok(
        Math.abs(analytic[k] - fd) < 2e-4 + 1e-3 * Math.abs(fd),
        `parameter ${k}: ${analytic[k]} vs ${fd}`,
      );
    }
    assert.ok(skipped <= 2, `${skipped} kinks`); // with this seed no hidden unit is within 1e-3 of its kink
  });

  it("the wasm backend's loss and gradients equal the js backend's to float32 rounding", () => {
    const a = setup("js");
    const b = setup("wasm");
    const la = mlpLossAndGrad(a.model, a.X, a.labels, 7);
    const lb = mlpLossAndGrad(b.model, b.X, b.labels, 7);
    assert.ok(Math.abs(la - lb) < 1e-6);
    const scale = Math.max(...a.model.grads.map(Math.abs));
    a.model.grads.forEach((g, k) => assert.ok(Math.abs(g - b.model.grads[k]) < 1e-5 * scale, `${k}`));
  });

  it("784-128-10 on a batch of 64: wasm and js gradients agree to 1e-5 of the largest", () => {
    const rng = seeded(21);
    const X = Float32Array.from({ length: 64 * 784 }, () => rng.uniform());
    const labels = Array.from({ length: 64 }, () => rng.int(10));
    const js = createMlp({ sizes: [784, 128, 10], seed: 1, backend: "js" });
    const wasm = createMlp({ sizes: [784, 128, 10], seed: 1, backend: "wasm" });
    assert.ok(Math.abs(mlpLossAndGrad(js, X, labels, 64) - mlpLossAndGrad(wasm, X, labels, 64)) < 1e-5);
    const scale = Math.max(...js.grads.map(Math.abs));
    js.grads.forEach((g, k) =>
      assert.ok(Math.abs(g - wasm.grads[k]) < 1e-5 * scale, `${k}: ${g} vs ${wasm.grads[k]}`),
    );
  });

  it("rejects a label outside the classes, naming its index", () => {
    const model = createMlp({ sizes: [2, 3] });
    assert.throws(() => mlpLossAndGrad(model, new Float32Array(4), [0, 3], 2), /Invalid label at index 1: 3/);
  });
});
