import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { lbfgs } from "../../../lib/src/optim/lbfgs";
import { rosenbrock } from "../../../lib/src/functions/rosenbrock";
import { beale } from "../../../lib/src/functions/beale";
import { d2lQuadratic } from "../../../lib/src/functions/d2lQuadratic";
import { quadratic } from "../../../lib/src/functions/quadratic";

describe("lbfgs", () => {
  it("lbfgs finds Rosenbrock's minimum (1, 1) from (-1.5, 2) in under 60 iterations", () => {
    const run = lbfgs(rosenbrock, [-1.5, 2], { maxIter: 200 });
    const last = run.xs[run.xs.length - 1];
    assert.equal(run.reason, "gradient");
    assert.ok(run.xs.length - 1 < 60);
    assert.ok(Math.abs(last[0] - 1) < 1e-6 && Math.abs(last[1] - 1) < 1e-6);
  });

  it("lbfgs finds Beale's minimum (3, 0.5) from (1, 1.5)", () => {
    const run = lbfgs(beale, [1, 1.5]);
    const last = run.xs[run.xs.length - 1];
    assert.ok(Math.abs(last[0] - 3) < 1e-6 && Math.abs(last[1] - 0.5) < 1e-6);
  });

  it("lbfgs never increases the loss (Armijo line search)", () => {
    const run = lbfgs(rosenbrock, [-1.5, 2]);
    for (let k = 1; k < run.losses.length; k++) assert.ok(run.losses[k] <= run.losses[k - 1]);
  });

  it("lbfgs on a 10-dimensional quadratic with history 10 converges in about n iterations", () => {
    const n = 10;
    const Q = new Float64Array(n * n);
    for (let i = 0; i < n; i++) Q[i * n + i] = i + 1; // eigenvalues 1..10
    const q = quadratic({ rows: n, cols: n, data: Q }, new Float64Array(n).fill(1));
    const run = lbfgs(q, new Float64Array(n), { maxIter: 100 });
    const last = run.xs[run.xs.length - 1];
    // the minimizer is -Q^-1 c: x_i = -1 / (i + 1)
    for (let i = 0; i < n; i++) assert.ok(Math.abs(last[i] + 1 / (i + 1)) < 1e-5, `x_${i} = ${last[i]}`);
    assert.ok(run.xs.length - 1 <= 25);
  });

  it("lbfgs does not modify x0 and records f at every iterate", () => {
    const x0 = Float64Array.of(-5, -2);
    const run = lbfgs(d2lQuadratic, x0);
    assert.deepEqual(Array.from(x0), [-5, -2]);
    assert.equal(run.losses.length, run.xs.length);
    assert.equal(run.losses[0], 10.5);
  });

  it("lbfgs names a bad option", () => {
    assert.throws(() => lbfgs(rosenbrock, [0, 0], { historySize: 0 }), /Invalid historySize: 0/);
    assert.throws(() => lbfgs(rosenbrock, [NaN, 0]), /Invalid start point x0: entry 0 is NaN/);
  });
});
