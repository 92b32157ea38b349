import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { yogi } from "../../../lib/src/optim/yogi";
import { adam } from "../../../lib/src/optim/adam";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("yogi", () => {
  it("the TSDoc example prints 0.90004998", () => {
    const opt = yogi({ lr: 0.1 });
    const x = f64(1);
    opt.step(x, f64(2), opt.init(x));
    assert.equal(x[0].toFixed(8), "0.90004998");
  });

  it("yogi's first two steps by hand (D2L's form, eps 1e-3)", () => {
    const opt = yogi({ lr: 0.1 });
    const x = f64(0);
    const s = opt.init(x);
    // step 1: g = 2, m = 0.2, v = 0 + 0.001 * sign(4 - 0) * 4 = 0.004; m̂ = 2, v̂ = 4
    opt.step(x, f64(2), s);
    near(s.expAvgSq[0], 0.004, 1e-15);
    const x1 = -(0.1 * 2) / (2 + 1e-3);
    near(x[0], x1, 1e-16);
    // step 2: g = 1, m = 0.18 + 0.1 = 0.28, v = 0.004 + 0.001 * sign(1 - 0.004) * 1 = 0.005
    opt.step(x, f64(1), s);
    near(s.expAvgSq[0], 0.005, 1e-15);
    const mHat = 0.28 / (1 - 0.81);
    const vHat = 0.005 / (1 - 0.999 ** 2);
    near(x[0], x1 - (0.1 * mHat) / (Math.sqrt(vHat) + 1e-3), 1e-15);
  });

  it("v grows by (1 - beta2) g^2 when g^2 > v, shrinks by it when g^2 < v (Adam: by (1 - beta2)(g^2 - v))", () => {
    const y = yogi({ betas: [0.9, 0.5] });
    const a = adam({ betas: [0.9, 0.5] });
    const x = f64(0);
    const sy = y.init(x);
    const sa = a.init(x.slice());
    y.step(x, f64(10), sy); // v = 0.5 * 100 = 50
    a.step(x.slice(), f64(10), sa); // v = 50
    y.step(x, f64(1), sy); // 1 < 50: v = 50 - 0.5 * 1 = 49.5
    a.step(x.slice(), f64(1), sa); // v = 25 + 0.5 = 25.5
    assert.equal(sy.expAvgSq[0], 49.5);
    assert.equal(sa.expAvgSq[0], 25.5);
  });

  it("rejects bad options", () => {
    assert.throws(() => yogi({ lr: -1 }), { message: "Invalid learning rate: -1" });
    assert.throws(() => yogi({ betas: [0.9, 1] }), { message: "Invalid beta parameter at index 1: 1" });
  });
});
