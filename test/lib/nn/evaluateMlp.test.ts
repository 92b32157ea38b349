import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createMlp } from "../../../lib/src/nn/mlp";
import { evaluateMlp } from "../../../lib/src/nn/evaluateMlp";

describe("evaluateMlp", () => {
  it("counts a row as correct when its largest logit is at the label, across chunks of maxBatch", () => {
    // One linear layer 2 -> 2 with W = I: the logits are the inputs themselves.
    const model = createMlp({ sizes: [2, 2], backend: "js", maxBatch: 2 });
    model.layers[0].W.set([1, 0, 0, 1]);
    const images = Float32Array.of(1, 0, 0, 1, 1, 0, 0, 1, 0, 1); // argmax 0, 1, 0, 1, 1
    const labels = Uint8Array.of(0, 1, 1, 1, 0); // right, right, wrong, right, wrong
    const ev = evaluateMlp(model, { images, labels, count: 5 });
    assert.equal(ev.accuracy, 3 / 5);
    assert.equal(ev.count, 5);
    // each row: logits (1, 0): loss log(1 + e^-1) when right, 1 + log(1 + e^-1) when wrong
    const right = Math.log(1 + Math.exp(-1));
    assert.ok(Math.abs(ev.loss - (5 * right + 2) / 5) < 1e-12);
  });

  it("rejects images whose length is not count rows of the input width", () => {
    const model = createMlp({ sizes: [2, 2] });
    assert.throws(
      () => evaluateMlp(model, { images: new Float32Array(5), labels: new Uint8Array(3), count: 3 }),
      /Images have 5 values, 3 rows of 2 need 6/,
    );
  });
});
