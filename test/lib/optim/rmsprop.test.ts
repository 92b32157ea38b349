import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rmsprop } from "../../../lib/src/optim/rmsprop";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("rmsprop", () => {
  it("the TSDoc example prints 8.6838", () => {
    const opt = rmsprop({ lr: 0.1, alpha: 0.9, eps: 1e-7, epsInside: true });
    const x = f64(9);
    opt.step(x, f64(18), opt.init(x));
    assert.equal(x[0].toFixed(4), "8.6838");
  });

  it("rmsprop's first step has size lr / sqrt(1 - alpha) for any gradient (eps aside)", () => {
    const opt = rmsprop({ lr: 0.01, eps: 0 });
    const x = f64(0, 0);
    opt.step(x, f64(5, -0.001), opt.init(x));
    // v = 0.01 g^2, step = 0.01 * g / (0.1 |g|) = 0.1 sign(g)
    near(x[0], -0.1, 1e-15);
    near(x[1], 0.1, 1e-15);
  });

  it("centered divides by sqrt(v - gbar^2); momentum accumulates g / avg", () => {
    const opt = rmsprop({ lr: 1, alpha: 0.5, eps: 0, centered: true, momentum: 0.5 });
    const x = f64(0);
    const s = opt.init(x);
    // v = 0.5 * 4 = 2, gbar = 0.5 * 2 = 1, avg = sqrt(2 - 1) = 1, b = 2, x = -2
    opt.step(x, f64(2), s);
    assert.equal(s.squareAvg[0], 2);
    assert.equal(s.gradAvg[0], 1);
    assert.equal(x[0], -2);
    // v = 1 + 0.5 = 1.5, gbar = 0.5 + 0.5 = 1, avg = sqrt(0.5), b = 0.5 * 2 + 1 / sqrt(0.5), x = -2 - b
    opt.step(x, f64(1), s);
    near(x[0], -2 - (1 + 1 / Math.sqrt(0.5)), 1e-15);
  });

  it("weight decay and maximize act on the gradient first", () => {
    const opt = rmsprop({ lr: 0.1, alpha: 0, eps: 0, weightDecay: 1, maximize: true });
    const x = f64(1);
    // d = -3 + 1 = -2, v = 4, x = 1 + 0.1 * 2 / 2
    opt.step(x, f64(3), opt.init(x));
    near(x[0], 1.1, 1e-15);
  });

  it("rejects bad options with torch's messages", () => {
    assert.throws(() => rmsprop({ lr: -0.1 }), { message: "Invalid learning rate: -0.1" });
    assert.throws(() => rmsprop({ eps: -1 }), { message: "Invalid epsilon value: -1" });
    assert.throws(() => rmsprop({ momentum: -1 }), { message: "Invalid momentum value: -1" });
    assert.throws(() => rmsprop({ weightDecay: -1 }), { message: "Invalid weight_decay value: -1" });
    assert.throws(() => rmsprop({ alpha: -0.9 }), { message: "Invalid alpha value: -0.9" });
    assert.throws(() => rmsprop({ centered: "yes" } as never), { message: "Invalid centered value: yes" });
  });
});

describe("rmsprop on the syllabus's table (section 5)", () => {
  it("x^2 from 9, lr 0.1, rho 0.9, eps 1e-7 inside the root: x1 = 8.6837, x2 = 8.458, x3 = 8.27", () => {
    const opt = rmsprop({ lr: 0.1, alpha: 0.9, eps: 1e-7, epsInside: true });
    const x = f64(9);
    const s = opt.init(x);
    const rows: number[][] = [];
    for (let t = 0; t < 3; t++) {
      const g = 2 * x[0];
      opt.step(x, f64(g), s);
      rows.push([g, s.squareAvg[0], x[0]]);
    }
    // f'(x0) = 18, s1 = 0.1 * 324 = 32.4, x1 = 9 - 0.1 * 18 / sqrt(32.4) = 8.68377 (the slide truncates to 8.6837)
    near(rows[0][0], 18, 0);
    near(rows[0][1], 32.4, 1e-12);
    near(rows[0][2], 8.6837, 1e-4);
    // f' = 17.36, s2 = 59.3, x2 = 8.458
    near(rows[1][0], 17.36, 0.01);
    near(rows[1][1], 59.3, 0.05);
    near(rows[1][2], 8.458, 5e-4);
    // f' = 16.916, s3 = 82.0, x3 = 8.27
    near(rows[2][0], 16.916, 1e-3);
    near(rows[2][1], 82.0, 0.05);
    near(rows[2][2], 8.27, 5e-3);
  });
});
