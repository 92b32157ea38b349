import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { TestFunction } from "../../../lib/src/core/types";
import { minimize } from "../../../lib/src/optim/minimize";
import { sgd } from "../../../lib/src/optim/sgd";
import { adam } from "../../../lib/src/optim/adam";

const square: TestFunction = {
  name: "square",
  dim: 0,
  tex: "\\sum x_i^2",
  f: (x) => x.reduce((s, v) => s + v * v, 0),
  grad: (x, out) => {
    for (let i = 0; i < x.length; i++) out[i] = 2 * x[i];
    return out;
  },
};

describe("minimize", () => {
  it("the TSDoc example records 70, 56, 44.8, 35.84, 28.672", () => {
    const run = minimize(square, sgd({ lr: 0.1 }), Float64Array.of(70), { steps: 4 });
    assert.deepEqual(
      run.xs.map((x) => +x[0].toFixed(6)),
      [70, 56, 44.8, 35.84, 28.672],
    );
  });

  it("records steps + 1 points and, per step, the loss and gradient at the point and the lr used", () => {
    const x0 = Float64Array.of(1, -2);
    const run = minimize(square, sgd({ lr: 0.25 }), x0, { steps: 3 });
    assert.equal(run.xs.length, 4);
    assert.equal(run.grads.length, 3);
    assert.deepEqual([...run.xs[0]], [1, -2]);
    assert.deepEqual([...run.xs[1]], [0.5, -1]); // x - 0.25 * 2x
    assert.deepEqual([...run.losses], [5, 1.25, 0.3125]);
    assert.deepEqual([...run.grads[0]], [2, -4]);
    assert.deepEqual([...run.lrs], [0.25, 0.25, 0.25]);
    assert.deepEqual([...x0], [1, -2], "x0 is not modified");
  });

  it("a schedule gives the lr of each step", () => {
    const run = minimize(square, sgd({ lr: 1 }), Float64Array.of(1), {
      steps: 3,
      schedule: (t) => 0.1 * (t + 1),
    });
    assert.deepEqual([...run.lrs], [0.1, 0.2, 0.30000000000000004]);
    // x1 = 1 - 0.1 * 2 = 0.8, x2 = 0.8 - 0.2 * 1.6 = 0.48
    assert.ok(Math.abs(run.xs[2][0] - 0.48) < 1e-15);
  });

  it("drives adaptive optimizers too", () => {
    const run = minimize(square, adam({ lr: 0.1 }), Float64Array.of(3, -3), { steps: 200 });
    assert.ok(run.losses[199] < 1e-2);
  });

  it("rejects a non-finite start, a negative step count and a wrong dimension", () => {
    assert.throws(() => minimize(square, sgd({ lr: 0.1 }), [NaN], { steps: 1 }), /entry 0 is NaN/);
    assert.throws(
      () => minimize(square, sgd({ lr: 0.1 }), [1], { steps: -1 }),
      /Invalid number of steps: -1/,
    );
    const fixed = { ...square, dim: 2, name: "plane" };
    assert.throws(
      () => minimize(fixed, sgd({ lr: 0.1 }), [1], { steps: 1 }),
      /x0 and plane: 1 and dimension 2/,
    );
  });
});
