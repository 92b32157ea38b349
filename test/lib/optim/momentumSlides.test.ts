import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { momentumSlides } from "../../../lib/src/optim/momentumSlides";
import { sgd } from "../../../lib/src/optim/sgd";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("momentumSlides", () => {
  it("the TSDoc example prints 41.4000 -30.6000", () => {
    const opt = momentumSlides({ lr: 0.1, momentum: 0.9 });
    const x = f64(90);
    const s = opt.init(x);
    opt.step(x, f64(180), s);
    opt.step(x, f64(144), s);
    assert.deepEqual([x[0].toFixed(4), s.velocity[0].toFixed(4)], ["41.4000", "-30.6000"]);
  });

  it("the syllabus's table from 90 (section 6): x = 72, 41.4, 5.58, -27.77, -52.23; v2 = -30.6", () => {
    const opt = momentumSlides({ lr: 0.1, momentum: 0.9 });
    const x = f64(90);
    const s = opt.init(x);
    const xs: number[] = [];
    const vs: number[] = [];
    for (let t = 0; t < 5; t++) {
      opt.step(x, f64(2 * x[0]), s);
      xs.push(x[0]);
      vs.push(s.velocity[0]);
    }
    // the slide truncates: x5 = -52.2378. v1 = -0.1 * 180 = -18; v2 = 0.9 * -18 - 0.1 * 144 = -30.6 (the slide prints -30.59)
    [-18, -30.6, -35.82, -33.354, -24.46].forEach((v, t) => near(vs[t], v, 0.006, `v${t + 1}`));
    [72, 41.4, 5.58, -27.77, -52.23].forEach((v, t) => near(xs[t], v, 0.01, `x${t + 1}`));
  });

  it("gives torch's SGD-momentum trajectory for a constant lr (torch's buffer is -v / lr)", () => {
    const a = momentumSlides({ lr: 0.03, momentum: 0.8 });
    const b = sgd({ lr: 0.03, momentum: 0.8 });
    const xa = f64(2, -1);
    const xb = f64(2, -1);
    const sa = a.init(xa);
    const sb = b.init(xb);
    const grad = (x: Float64Array) => f64(4 * x[0] ** 3 - 6 * x[0] + 1, 2 * x[1]);
    for (let t = 0; t < 50; t++) {
      a.step(xa, grad(xa), sa);
      b.step(xb, grad(xb), sb);
      for (let i = 0; i < 2; i++) {
        near(xa[i], xb[i], 1e-12, `x${t + 1}[${i}]`);
        near(sa.velocity[i], -0.03 * sb.momentumBuffer[i], 1e-12, `v${t + 1}[${i}]`);
      }
    }
  });

  it("rejects bad options", () => {
    assert.throws(() => momentumSlides({ lr: -1 }), { message: "Invalid learning rate: -1" });
    assert.throws(() => momentumSlides({ momentum: -1 }), { message: "Invalid momentum value: -1" });
  });
});
