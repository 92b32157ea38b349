import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import { FASHION_MNIST_DEBIAN_PATH, loadFashionMnist, createMlp, train } from "@dlopt/lib";
import { NO_FASHION_MNIST } from "../support/optional";

// Issue 7: on the full Fashion-MNIST set (Debian's dataset-fashion-mnist, installed by .ci/run), the
// 784-128-10 MLP trained with Adam at batch 64 reaches at least 85% test accuracy within 3 epochs.
const full = fs.existsSync(FASHION_MNIST_DEBIAN_PATH);

describe("the MLP on the full Fashion-MNIST set", { skip: !full && NO_FASHION_MNIST }, () => {
  it("Adam at batch 64 reaches at least 85% test accuracy within 3 epochs", () => {
    const data = loadFashionMnist();
    assert.equal(data.source, "full");
    assert.equal(data.train.count, 60000);
    const model = createMlp({ sizes: [784, 128, 10], seed: 0 });
    const result = train(model, data, { optimizer: "Adam", lr: 1e-3, batchSize: 64, epochs: 3, seed: 0 });
    const best = Math.max(...result.testAccuracy);
    assert.ok(best >= 0.85, `test accuracy per epoch: ${result.testAccuracy.join(", ")}`);
  });
});
