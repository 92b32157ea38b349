import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { nesterovLookahead } from "../../../lib/src/optim/nesterovLookahead";
import { sgd } from "../../../lib/src/optim/sgd";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

const rosenbrockGrad = (x: Float64Array, out: Float64Array) => {
  out[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
  out[1] = 200 * (x[1] - x[0] * x[0]);
  return out;
};

describe("nesterovLookahead", () => {
  it("the TSDoc example prints 44.64", () => {
    const opt = nesterovLookahead({ lr: 0.1, momentum: 0.9 });
    const x = f64(90);
    const s = opt.init(x);
    const grad = (p: Float64Array, out: Float64Array) => {
      out[0] = 2 * p[0];
      return out;
    };
    opt.step(x, grad, s);
    opt.step(x, grad, s);
    assert.equal(x[0].toFixed(2), "44.64");
  });

  it("takes the gradient at x + rho v", () => {
    const opt = nesterovLookahead({ lr: 0.1, momentum: 0.5 });
    const x = f64(1);
    const s = opt.init(x);
    s.velocity[0] = 2;
    const seen: number[] = [];
    opt.step(
      x,
      (p, out) => {
        seen.push(p[0]);
        out[0] = 0;
        return out;
      },
      s,
    );
    assert.deepEqual(seen, [2]); // 1 + 0.5 * 2
    assert.equal(x[0], 2); // v = 0.5 * 2 - 0 = 1, x = 1 + 1
  });

  it("in x_tilde = x + rho v it is torch's SGD with nesterov=True (constant lr)", () => {
    const lr = 0.001;
    const rho = 0.9;
    const look = nesterovLookahead({ lr, momentum: rho });
    const torchForm = sgd({ lr, momentum: rho, nesterov: true });
    const x = f64(-1.5, 2);
    const p = f64(-1.5, 2); // x_tilde_0 = x_0 since v_0 = 0
    const sl = look.init(x);
    const st = torchForm.init(p);
    const g = new Float64Array(2);
    for (let t = 0; t < 200; t++) {
      look.step(x, rosenbrockGrad, sl);
      torchForm.step(p, rosenbrockGrad(p, g), st);
      for (let i = 0; i < 2; i++) {
        const xTilde = x[i] + rho * sl.velocity[i];
        near(xTilde, p[i], 1e-12, `x_tilde${t + 1}[${i}]`);
        near(sl.velocity[i], -lr * st.momentumBuffer[i], 1e-12, `v${t + 1}[${i}]`);
      }
    }
  });

  it("rejects bad options and a non-finite start", () => {
    assert.throws(() => nesterovLookahead({ lr: -1 }), { message: "Invalid learning rate: -1" });
    assert.throws(() => nesterovLookahead().init(f64(Infinity)), /entry 0 is Infinity/);
  });
});
