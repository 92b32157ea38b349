import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { adamw } from "../../../lib/src/optim/adamw";
import { adam } from "../../../lib/src/optim/adam";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("adamw", () => {
  it("the TSDoc example prints 1.8000000002", () => {
    const opt = adamw({ lr: 0.1, weightDecay: 0.5 });
    const x = f64(2);
    opt.step(x, f64(4), opt.init(x));
    assert.equal(x[0].toFixed(10), "1.8000000002");
  });

  it("adamw's defaults are torch's: weight decay 1e-2", () => {
    assert.equal(adamw().config.weightDecay, 1e-2);
    assert.equal(adamw().name, "AdamW");
  });

  it("adamw first shrinks x by 1 - lr lambda, then takes the Adam step of the raw gradient", () => {
    const opt = adamw({ lr: 0.1, weightDecay: 2, eps: 0 });
    const x = f64(1);
    // x = 1 * (1 - 0.2) = 0.8, then - 0.1 sign(g)
    opt.step(x, f64(-5), opt.init(x));
    near(x[0], 0.9, 1e-15);
  });

  it("adamw with weight decay 0 is adam", () => {
    const a = f64(1, 2);
    const b = f64(1, 2);
    const oa = adamw({ lr: 0.1, weightDecay: 0, amsgrad: true });
    const ob = adam({ lr: 0.1, amsgrad: true });
    const sa = oa.init(a);
    const sb = ob.init(b);
    for (let t = 0; t < 10; t++) {
      oa.step(a, f64(a[0] ** 3, Math.sin(a[1])), sa);
      ob.step(b, f64(b[0] ** 3, Math.sin(b[1])), sb);
    }
    assert.deepEqual([...a], [...b]);
  });

  it("rejects bad options with torch's messages", () => {
    assert.throws(() => adamw({ weightDecay: -1 }), { message: "Invalid weight_decay value: -1" });
    assert.throws(() => adamw({ betas: [0.9, -0.1] }), {
      message: "Invalid beta parameter at index 1: -0.1",
    });
  });
});
