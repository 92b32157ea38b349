import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadAirfoil } from "../../../lib/src/data/loadAirfoil";
import { trainLinearRegression } from "../../../lib/src/regression/trainLinearRegression";
import { adagrad } from "../../../lib/src/optim/adagrad";
import { sgd } from "../../../lib/src/optim/sgd";

const { X, y } = loadAirfoil();

describe("trainLinearRegression", () => {
  it("reproduces D2L's scratch Adagrad on airfoil (lr 0.1, batch 10, 2 epochs): final loss near 0.242", () => {
    // D2L 11.7 prints "loss: 0.242"; its shuffles differ from ours, so we check eight seeds.
    const losses = Array.from(
      { length: 8 },
      (_, seed) =>
        trainLinearRegression(X, y, adagrad({ lr: 0.1, eps: 1e-6, epsInside: true }), { seed }).finalLoss,
    );
    for (const l of losses) assert.ok(l > 0.24 && l < 0.248, `final loss ${l}`);
    const mean = losses.reduce((a, b) => a + b) / losses.length;
    assert.ok(Math.abs(mean - 0.242) < 0.002, `mean final loss ${mean}`);
  });

  it("evaluates every 200 samples as D2L does: 15 points in 2 epochs of 1,500, plus the start", () => {
    const run = trainLinearRegression(X, y, sgd({ lr: 0.05 }));
    assert.equal(run.steps, 300);
    assert.equal(run.stepLoss.length, 300);
    assert.deepEqual(Array.from(run.evalSamples), [
      0,
      ...Array.from({ length: 15 }, (_, k) => 200 * (k + 1)),
    ]);
    assert.equal(run.evalEpochs[15], 2);
    assert.equal(run.finalLoss, run.evalLoss[15]);
    // Starting from w ≈ 0, b = 0 on standardized targets, the loss is about mean(y²)/2, near 1/2.
    assert.ok(Math.abs(run.evalLoss[0] - 0.5) < 0.02);
  });

  it("with one batch of every row is plain gradient descent and is deterministic", () => {
    const a = trainLinearRegression(X, y, sgd({ lr: 0.5 }), { batchSize: 1500, epochs: 10, shuffle: false });
    const b = trainLinearRegression(X, y, sgd({ lr: 0.5 }), { batchSize: 1500, epochs: 10, shuffle: false });
    assert.deepEqual(a.params, b.params);
    assert.equal(a.steps, 10);
    // GD's loss never increases on this convex quadratic with lr 0.5 (below 1 / λ_max).
    for (let t = 1; t < 10; t++) assert.ok(a.stepLoss[t] <= a.stepLoss[t - 1]);
  });

  it("names a bad batch size", () => {
    assert.throws(
      () => trainLinearRegression(X, y, sgd({ lr: 0.1 }), { batchSize: 0 }),
      /Invalid batch size: 0/,
    );
  });
});
