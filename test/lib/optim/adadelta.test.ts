import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { adadelta } from "../../../lib/src/optim/adadelta";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("adadelta", () => {
  it("the TSDoc example prints 0.996838", () => {
    const opt = adadelta();
    const x = f64(1);
    opt.step(x, f64(2), opt.init(x));
    assert.equal(x[0].toFixed(6), "0.996838");
  });

  it("adadelta's first two steps by hand", () => {
    const opt = adadelta({ lr: 1, rho: 0.5, eps: 0.01 });
    const x = f64(0);
    const s = opt.init(x);
    // v = 0.5 * 4 = 2, delta = sqrt(0 + 0.01) / sqrt(2.01) * 2, u = 0.5 delta^2
    opt.step(x, f64(2), s);
    const d1 = (0.1 / Math.sqrt(2.01)) * 2;
    near(x[0], -d1, 1e-15);
    near(s.accDelta[0], 0.5 * d1 * d1, 1e-15);
    // v = 1 + 0.5 = 1.5, delta = sqrt(u + 0.01) / sqrt(1.51) * 1
    opt.step(x, f64(1), s);
    const d2 = Math.sqrt(0.5 * d1 * d1 + 0.01) / Math.sqrt(1.51);
    near(x[0], -d1 - d2, 1e-15);
  });

  it("lr scales the delta; weight decay and maximize act on the gradient", () => {
    const a = f64(1);
    const optA = adadelta({ lr: 2, weightDecay: 1, maximize: true, rho: 0, eps: 1 });
    // d = -1 + 1 = 0: nothing moves
    optA.step(a, f64(1), optA.init(a));
    assert.equal(a[0], 1);
  });

  it("rejects bad options with torch's messages", () => {
    assert.throws(() => adadelta({ lr: -1 }), { message: "Invalid learning rate: -1" });
    assert.throws(() => adadelta({ rho: 1.5 }), { message: "Invalid rho value: 1.5" });
    assert.throws(() => adadelta({ eps: -1 }), { message: "Invalid epsilon value: -1" });
    assert.throws(() => adadelta({ weightDecay: -1 }), { message: "Invalid weight_decay value: -1" });
  });
});
