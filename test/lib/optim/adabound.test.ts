import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { adabound } from "../../../lib/src/optim/adabound";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("adabound", () => {
  it("the TSDoc example prints 0.99000000", () => {
    const opt = adabound({ lr: 0.01 });
    const x = f64(1);
    opt.step(x, f64(2), opt.init(x));
    assert.equal(x[0].toFixed(8), "0.99000000");
  });

  it("adabound's first step by hand: Adam's rate inside the bounds [0.1 (1 - 1/1.001), 0.1 (1 + 1000)]", () => {
    const opt = adabound({ lr: 0.01, eps: 0 });
    const x = f64(0);
    opt.step(x, f64(2), opt.init(x));
    // m = 0.2, v = 0.004; s = 0.01 sqrt(0.001) / 0.1; rate = s / sqrt(0.004) = 0.05; x = -0.05 * 0.2
    near(x[0], -0.01, 1e-15);
  });

  it("the lower bound lifts a rate that is too small: a huge gradient still moves like SGD at final_lr", () => {
    const opt = adabound({ lr: 1e-3, finalLr: 0.1, gamma: 0.5, eps: 0 });
    const x = f64(0);
    const s = opt.init(x);
    // t = 1: lower = 0.1 (1 - 1 / 1.5) = 0.0333..., Adam's rate = 1e-3 / 1000 = 1e-6, clipped up
    opt.step(x, f64(1000), s);
    near(x[0], -(0.1 * (1 - 1 / 1.5)) * 100, 1e-12);
  });

  it("the upper bound clips a rate that is too large", () => {
    const opt = adabound({ lr: 1, finalLr: 0.1, gamma: 0.5, eps: 0 });
    const x = f64(0);
    // t = 1: upper = 0.1 (1 + 1 / 0.5) = 0.3; Adam's rate = 1 / 1e-3 = 1000, clipped to 0.3; m = 1e-4
    opt.step(x, f64(1e-3), opt.init(x));
    near(x[0], -0.3 * 1e-4, 1e-18);
  });

  it("a learning-rate override scales the bounds as the paper's code does", () => {
    const opt = adabound({ lr: 1, finalLr: 0.1, gamma: 0.5, eps: 0 });
    const x = f64(0);
    opt.step(x, f64(1e-3), opt.init(x), 0.5); // final lr 0.05: upper 0.15
    near(x[0], -0.15 * 1e-4, 1e-18);
  });

  it("amsbound keeps the running maximum of v", () => {
    const opt = adabound({ amsbound: true, betas: [0.9, 0.5] });
    const x = f64(0);
    const s = opt.init(x);
    opt.step(x, f64(4), s);
    opt.step(x, f64(0), s);
    assert.equal(s.maxExpAvgSq[0], 8);
  });

  it("rejects bad options with the paper's code's messages", () => {
    assert.throws(() => adabound({ finalLr: -1 }), { message: "Invalid final learning rate: -1" });
    assert.throws(() => adabound({ gamma: 1 }), { message: "Invalid gamma parameter: 1" });
    assert.throws(() => adabound({ betas: [1, 0.9] }), { message: "Invalid beta parameter at index 0: 1" });
  });
});
