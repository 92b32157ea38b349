import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { adamax } from "../../../lib/src/optim/adamax";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("adamax", () => {
  it("the TSDoc example prints 1.10000000", () => {
    const opt = adamax({ lr: 0.1 });
    const x = f64(1);
    opt.step(x, f64(-3), opt.init(x));
    assert.equal(x[0].toFixed(8), "1.10000000");
  });

  it("adamax's first two steps by hand: u is a decayed maximum of |g| + eps", () => {
    const opt = adamax({ lr: 0.1, betas: [0.5, 0.5], eps: 0 });
    const x = f64(0);
    const s = opt.init(x);
    opt.step(x, f64(4), s); // m = 2, u = 4, clr = 0.2: x = -0.2 * 2 / 4 = -0.1
    near(x[0], -0.1, 1e-15);
    opt.step(x, f64(1), s); // m = 1.5, u = max(2, 1) = 2, clr = 0.1 / 0.75: x -= 0.1 / 0.75 * 0.75
    assert.equal(s.expInf[0], 2);
    near(x[0], -0.2, 1e-15);
  });

  it("weight decay and maximize act on the gradient", () => {
    const opt = adamax({ lr: 0.1, weightDecay: 1, maximize: true, eps: 0 });
    const x = f64(1);
    opt.step(x, f64(3), opt.init(x)); // d = -2: x = 1 + 0.1
    near(x[0], 1.1, 1e-15);
  });

  it("rejects bad options with torch's messages", () => {
    assert.throws(() => adamax({ lr: -1 }), { message: "Invalid learning rate: -1" });
    assert.throws(() => adamax({ betas: [1.2, 0.9] }), { message: "Invalid beta parameter at index 0: 1.2" });
    assert.throws(() => adamax({ eps: -1 }), { message: "Invalid epsilon value: -1" });
  });
});
