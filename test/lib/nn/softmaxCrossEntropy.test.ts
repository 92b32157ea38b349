import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { softmaxCrossEntropy } from "../../../lib/src/nn/softmaxCrossEntropy";

describe("softmaxCrossEntropy", () => {
  it("equal logits give log(classes)", () => {
    assert.equal(softmaxCrossEntropy(1, 2, Float32Array.of(0, 0), [1], null), Math.log(2));
    assert.ok(
      Math.abs(softmaxCrossEntropy(2, 10, new Float32Array(20), [3, 7], null) - Math.log(10)) < 1e-15,
    );
  });

  it("is stable for huge logits: 1000 vs 0 gives 0 for the right label and 1000 for the wrong one", () => {
    assert.equal(softmaxCrossEntropy(1, 2, Float32Array.of(1000, 0), [0], null), 0);
    assert.equal(softmaxCrossEntropy(1, 2, Float32Array.of(1000, 0), [1], null), 1000);
    // -1000 + log 2 + 1000 loses the last bits of log 2 to rounding, nothing more
    assert.ok(
      Math.abs(softmaxCrossEntropy(1, 2, Float32Array.of(-1000, -1000), [1], null) - Math.log(2)) < 1e-12,
    );
  });

  it("the gradient is (softmax - onehot) / count: rows sum to zero", () => {
    const d = new Float32Array(4);
    // row 0: softmax([0, 0]) = [1/2, 1/2], label 1 -> [1/2, -1/2] / 2
    // row 1: softmax([log 3, 0]) = [3/4, 1/4], label 0 -> [-1/4, 1/4] / 2
    softmaxCrossEntropy(2, 2, Float32Array.of(0, 0, Math.log(3), 0), [1, 0], d);
    const expected = [0.25, -0.25, -0.125, 0.125];
    d.forEach((v, k) => assert.ok(Math.abs(v - expected[k]) < 1e-7, `${k}: ${v}`));
  });

  it("the gradient matches central differences of the loss", () => {
    const z = Float32Array.of(0.3, -1.2, 2.0, 0.5, 0.1, -0.4);
    const labels = [2, 0];
    const d = new Float32Array(6);
    softmaxCrossEntropy(2, 3, z, labels, d);
    const h = 1e-2;
    for (let k = 0; k < 6; k++) {
      const zp = Float32Array.from(z);
      const zm = Float32Array.from(z);
      zp[k] += h;
      zm[k] -= h;
      const fd =
        (softmaxCrossEntropy(2, 3, zp, labels, null) - softmaxCrossEntropy(2, 3, zm, labels, null)) / (2 * h);
      assert.ok(Math.abs(fd - d[k]) < 1e-4, `${k}: ${fd} vs ${d[k]}`);
    }
  });
});
