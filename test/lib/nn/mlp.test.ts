import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createMlp } from "../../../lib/src/nn/mlp";

describe("createMlp", () => {
  it("784-128-10 has 101,770 parameters in one flat vector, W then b per layer", () => {
    const model = createMlp({ sizes: [784, 128, 10] });
    assert.equal(model.params.length, 784 * 128 + 128 + 128 * 10 + 10);
    assert.equal(model.grads.length, model.params.length);
    const [l1, l2] = model.layers;
    assert.deepEqual(
      [l1.inputs, l1.outputs, l1.W.length, l1.b.length, l1.offset],
      [784, 128, 100352, 128, 0],
    );
    assert.deepEqual([l2.W.length, l2.b.length, l2.offset], [1280, 10, 100480]);
  });

  it("layers are views into params and grads, not copies", () => {
    const model = createMlp({ sizes: [3, 2, 2], backend: "js" });
    model.params.fill(0);
    model.layers[1].b[1] = 5;
    assert.equal(model.params[model.params.length - 1], 5);
    model.grads[0] = 7;
    assert.equal(model.layers[0].dW[0], 7);
  });

  it("biases start at zero and the same seed gives the same weights on both backends", () => {
    const a = createMlp({ sizes: [20, 8, 3], seed: 5, backend: "js" });
    const b = createMlp({ sizes: [20, 8, 3], seed: 5, backend: "wasm" });
    const c = createMlp({ sizes: [20, 8, 3], seed: 6, backend: "js" });
    assert.deepEqual(a.params, b.params);
    assert.notDeepEqual(a.params, c.params);
    assert.ok(a.layers.every((l) => l.b.every((v) => v === 0)));
    assert.equal(a.backend, "js");
    assert.equal(b.backend, "wasm");
  });

  it("xavier init draws from U(-a, a), a = sqrt(6 / (in + out))", () => {
    const model = createMlp({ sizes: [20, 8, 3], init: "xavier" });
    const a = Math.sqrt(6 / 28);
    assert.ok(model.layers[0].W.every((w) => Math.abs(w) <= a));
  });

  it("rejects bad sizes, init, backend and maxBatch by name", () => {
    assert.throws(() => createMlp({ sizes: [784] }), /Invalid MLP sizes: \[784\]/);
    assert.throws(() => createMlp({ sizes: [784, 0, 10] }), /Invalid MLP size at index 1: 0/);
    assert.throws(() => createMlp({ sizes: [4, 2], init: "glorot" as "he" }), /Invalid init: glorot/);
    assert.throws(() => createMlp({ sizes: [4, 2], backend: "gpu" as "js" }), /Invalid backend: gpu/);
    assert.throws(() => createMlp({ sizes: [4, 2], maxBatch: 0 }), /Invalid maxBatch: 0/);
  });
});
