import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { momentumEma } from "../../../lib/src/optim/momentumEma";
import { sgd } from "../../../lib/src/optim/sgd";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("momentumEma", () => {
  it("the TSDoc example prints 72.0000", () => {
    const opt = momentumEma({ lr: 1, rho: 0.9 });
    const x = f64(90);
    opt.step(x, f64(180), opt.init(x));
    assert.equal(x[0].toFixed(4), "72.0000");
  });

  it("equals torch's SGD momentum with lr (1 - rho) alpha, for a constant alpha", () => {
    const alpha = 0.5;
    const rho = 0.9;
    const a = momentumEma({ lr: alpha, rho });
    const b = sgd({ lr: (1 - rho) * alpha, momentum: rho });
    const xa = f64(90, -3);
    const xb = f64(90, -3);
    const sa = a.init(xa);
    const sb = b.init(xb);
    for (let t = 0; t < 60; t++) {
      a.step(xa, f64(2 * xa[0], Math.cos(xa[1])), sa);
      b.step(xb, f64(2 * xb[0], Math.cos(xb[1])), sb);
      for (let i = 0; i < 2; i++) near(xa[i], xb[i], 1e-10 * Math.max(1, Math.abs(xb[i])), `x${t + 1}[${i}]`);
    }
  });

  it("reproduces the slides' momentum table from 90 with alpha = 1, rho = 0.9 (eta = 0.1)", () => {
    const opt = momentumEma({ lr: 1, rho: 0.9 });
    const x = f64(90);
    const s = opt.init(x);
    const xs: number[] = [];
    for (let t = 0; t < 5; t++) {
      opt.step(x, f64(2 * x[0]), s);
      xs.push(x[0]);
    }
    [72, 41.4, 5.58, -27.77, -52.23].forEach((v, t) => near(xs[t], v, 0.01, `x${t + 1}`));
  });

  it("rejects bad options", () => {
    assert.throws(() => momentumEma({ rho: 1 }), { message: "Invalid rho value: 1" });
    assert.throws(() => momentumEma({ lr: -2 }), { message: "Invalid learning rate: -2" });
  });
});
