import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadFashionMnist, type LabeledImages } from "../../../lib/src/data/loadFashionMnist";
import { nativeMlpAvailable } from "../../../lib/src/nn/nativeMlp32";
import { createMlp } from "../../../lib/src/nn/mlp";
import { train, type TrainOptimizer, type TrainProgress } from "../../../lib/src/nn/train";

const data = loadFashionMnist({ subset: true });

function head(set: LabeledImages, count: number): LabeledImages {
  const size = set.rows * set.cols;
  return {
    ...set,
    count,
    images: set.images.subarray(0, count * size),
    labels: set.labels.subarray(0, count),
  };
}

describe("train", () => {
  it("adam on the shipped subset: the loss falls and the test accuracy passes 75% in two epochs", () => {
    const model = createMlp({ sizes: [784, 64, 10], seed: 1 });
    const r = train(model, data, { optimizer: "Adam", lr: 0.001, epochs: 2 });
    assert.equal(r.trainLoss.length, 2);
    assert.ok(r.trainLoss[1] < r.trainLoss[0]);
    assert.ok(r.testAccuracy[1] > 0.75, `accuracy ${r.testAccuracy[1]}`);
    assert.equal(r.testLoss.length, 2);
    assert.equal(r.config.batchSize, 64);
    assert.equal(r.config.eps, 1e-8);
  });

  it("the same model seed and training seed give identical numbers", () => {
    const small = { train: head(data.train, 640), test: head(data.test, 100) };
    const run = (seed: number) =>
      train(createMlp({ sizes: [784, 16, 10], seed: 2 }), small, {
        optimizer: "SGD",
        lr: 0.01,
        momentum: 0.9,
        seed,
      }).trainLoss;
    assert.deepEqual(run(3), run(3));
    assert.notDeepEqual(run(3), run(4));
  });

  it("the native, wasm and js backends train to the same numbers bit for bit", () => {
    const small = { train: head(data.train, 640), test: head(data.test, 200) };
    const run = (backend: "js" | "wasm" | "native") => {
      const model = createMlp({ sizes: [784, 16, 10], seed: 2, backend });
      const r = train(model, small, { optimizer: "Adam", epochs: 2 });
      return { losses: [...r.trainLoss, ...r.testLoss], params: model.params };
    };
    const a = run("js");
    const backends: ("wasm" | "native")[] = nativeMlpAvailable() ? ["wasm", "native"] : ["wasm"];
    for (const backend of backends) assert.deepEqual(run(backend), a, backend);
  });

  const lrs: [TrainOptimizer, number, number][] = [
    ["SGD", 0.1, 0],
    ["SGD", 0.01, 0.9],
    ["Adagrad", 0.05, 0],
    ["RMSprop", 0.001, 0],
    ["Adam", 0.001, 0],
  ];
  for (const [optimizer, lr, momentum] of lrs) {
    it(`${optimizer} (lr ${lr}, momentum ${momentum}) learns: above 60% test accuracy after one epoch of the subset`, () => {
      const r = train(createMlp({ sizes: [784, 32, 10], seed: 5 }), data, { optimizer, lr, momentum });
      assert.ok(r.testAccuracy[0] > 0.6, `${optimizer}: ${r.testAccuracy[0]}`);
    });
  }

  it("Adagrad returns sqrt(s) per layer, shaped like the layer's W and b", () => {
    const model = createMlp({ sizes: [784, 8, 10], seed: 6 });
    const r = train(model, { train: head(data.train, 320) }, { optimizer: "Adagrad", lr: 0.01 });
    assert.equal(r.adagradSqrtS?.length, 2);
    const [l0, l1] = r.adagradSqrtS!;
    assert.deepEqual([l0.layer, l0.W.length, l0.b.length, l1.W.length, l1.b.length], [0, 784 * 8, 8, 80, 10]);
    assert.ok(l1.b.every((s) => s > 0));
    assert.deepEqual(r.testAccuracy, []); // no test set given
  });

  it("onProgress reports every progressEvery batches and each epoch's end with the test accuracy", () => {
    const seen: TrainProgress[] = [];
    const small = { train: head(data.train, 640), test: head(data.test, 100) };
    train(createMlp({ sizes: [784, 8, 10] }), small, {
      optimizer: "Adam",
      epochs: 2,
      progressEvery: 4,
      onProgress: (p) => seen.push(p),
    });
    // 10 batches per epoch: reports after batches 4 and 8, then the end (10) with the accuracy
    assert.deepEqual(
      seen.map((p) => [p.epoch, p.batch, p.testAccuracy !== undefined]),
      [
        [1, 4, false],
        [1, 8, false],
        [1, 10, true],
        [2, 4, false],
        [2, 8, false],
        [2, 10, true],
      ],
    );
  });

  it("rejects bad options with torch's messages", () => {
    const model = createMlp({ sizes: [784, 4, 10], maxBatch: 64 });
    const t = (o: object) => () => train(model, data, { optimizer: "Adam", ...o });
    assert.throws(t({ optimizer: "SGD" }), /Invalid learning rate: undefined \(SGD needs lr/);
    assert.throws(t({ lr: -1 }), /Invalid learning rate: -1/);
    assert.throws(t({ betas: [1.2, 0.999] }), /Invalid beta parameter at index 0: 1.2/);
    assert.throws(
      t({ optimizer: "lbfgs" }),
      /Invalid optimizer: lbfgs \(expected one of SGD, Adagrad, RMSprop, Adam\)/,
    );
    assert.throws(
      t({ optimizer: "adam" }),
      /Invalid optimizer: adam \(expected one of SGD, Adagrad, RMSprop, Adam\)/,
    );
    assert.throws(t({ batchSize: 128 }), /Invalid batch size: 128 \(the model holds 64/);
  });

  it("stops with a clear error when the loss diverges", () => {
    const model = createMlp({ sizes: [784, 32, 10], seed: 7 });
    assert.throws(
      () => train(model, data, { optimizer: "SGD", lr: 1e30 }),
      /Training diverged: loss (NaN|Infinity) at epoch 1, batch \d+/,
    );
  });
});
