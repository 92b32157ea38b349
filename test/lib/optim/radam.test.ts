import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { radam } from "../../../lib/src/optim/radam";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("radam", () => {
  it("the TSDoc example prints 0.8", () => {
    const opt = radam({ lr: 0.1 });
    const x = f64(1);
    opt.step(x, f64(2), opt.init(x));
    assert.equal(x[0], 0.8);
  });

  it("radam takes momentum steps while rho_t <= 5 and rectified Adam steps after", () => {
    // beta2 = 0.999: rho_inf = 1999; rho_t = 1999 - 2 t 0.999^t / (1 - 0.999^t) crosses 5 at t = 6
    const opt = radam({ lr: 0.1, eps: 0 });
    const x = f64(0);
    const s = opt.init(x);
    for (let t = 1; t <= 5; t++) {
      const before = x[0];
      opt.step(x, f64(1), s); // g = 1 always: m̂ = 1, step = lr
      near(before - x[0], 0.1, 1e-12, `step ${t}`);
    }
    const before = x[0];
    opt.step(x, f64(1), s);
    const t = 6;
    const rhoInf = 1999;
    const rhoT = rhoInf - (2 * t * 0.999 ** t) / (1 - 0.999 ** t);
    assert.ok(rhoT > 5);
    const rect = Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
    // m̂ = 1, v = 1 - 0.999^6, adaptive lr = sqrt(1 - 0.999^6) / sqrt(v) = 1
    near(before - x[0], 0.1 * rect, 1e-12);
  });

  it("rejects bad options with torch's messages", () => {
    assert.throws(() => radam({ lr: -1 }), { message: "Invalid learning rate: -1" });
    assert.throws(() => radam({ eps: -1 }), { message: "Invalid epsilon value: -1" });
    assert.throws(() => radam({ weightDecay: -1 }), { message: "Invalid weight_decay value: -1" });
  });
});
