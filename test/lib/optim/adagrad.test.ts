import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { adagrad } from "../../../lib/src/optim/adagrad";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("adagrad", () => {
  it("the TSDoc example takes equal steps 0.1 for gradients 4 and 0.1", () => {
    const opt = adagrad({ lr: 0.1 });
    const w = f64(1, 1);
    const s = opt.init(w);
    opt.step(w, f64(4, 0.1), s);
    assert.deepEqual([...w.map((v) => +v.toFixed(6))], [0.9, 0.9]);
  });

  it("adagrad's first two steps by hand, with lr decay, weight decay and a starting accumulator", () => {
    const opt = adagrad({ lr: 1, lrDecay: 0.5, weightDecay: 0.5, initialAccumulatorValue: 1, eps: 0 });
    const x = f64(2);
    const s = opt.init(x);
    assert.equal(s.sum[0], 1);
    // d = 1 + 0.5 * 2 = 2, sum = 1 + 4 = 5, clr = 1, x = 2 - 2 / sqrt(5)
    opt.step(x, f64(1), s);
    const x1 = 2 - 2 / Math.sqrt(5);
    near(x[0], x1, 1e-15);
    // d = 1 + 0.5 x1, sum = 5 + d^2, clr = 1 / (1 + 0.5) = 2/3
    opt.step(x, f64(1), s);
    const d = 1 + 0.5 * x1;
    near(x[0], x1 - ((2 / 3) * d) / Math.sqrt(5 + d * d), 1e-15);
  });

  it("eps is outside the root by default and inside with epsInside", () => {
    const g = f64(3);
    const outside = f64(0);
    const o = adagrad({ lr: 1, eps: 1 });
    o.step(outside, g, o.init(outside)); // 3 / (3 + 1)
    assert.equal(outside[0], -0.75);
    const inside = f64(0);
    const i = adagrad({ lr: 1, eps: 7, epsInside: true });
    i.step(inside, g, i.init(inside)); // 3 / sqrt(9 + 7)
    assert.equal(inside[0], -0.75);
  });

  it("maximize climbs", () => {
    const opt = adagrad({ lr: 0.5, maximize: true });
    const x = f64(0);
    opt.step(x, f64(2), opt.init(x));
    near(x[0], 0.5, 1e-9);
  });

  it("rejects bad options with torch's messages", () => {
    assert.throws(() => adagrad({ lr: -1 }), { message: "Invalid learning rate: -1" });
    assert.throws(() => adagrad({ lrDecay: -1 }), { message: "Invalid lr_decay value: -1" });
    assert.throws(() => adagrad({ weightDecay: -1 }), { message: "Invalid weight_decay value: -1" });
    assert.throws(() => adagrad({ initialAccumulatorValue: -1 }), {
      message: "Invalid initial_accumulator_value value: -1",
    });
    assert.throws(() => adagrad({ eps: -1e-10 }), { message: "Invalid epsilon value: -1e-10" });
    assert.throws(() => adagrad({ epsInside: 1 } as never), { message: "Invalid epsInside value: 1" });
    const opt = adagrad();
    assert.throws(
      () => opt.step(f64(1), f64(1, 2), opt.init(f64(1))),
      /Mismatched lengths for x and g: 1 and 2/,
    );
  });
});

describe("adagrad on the syllabus's examples (section 3)", () => {
  it("the coordinate-wise example: w1 = [0.9, 0.9], w2 = [0.8553, 0.8293]", () => {
    const opt = adagrad({ lr: 0.1, eps: 0 });
    const w = f64(1, 1);
    const s = opt.init(w);
    // g1 = [4, 0.1]: s1 = [16, 0.01], 1/sqrt(s1) = [0.25, 10], steps [0.1, 0.1]
    opt.step(w, f64(4, 0.1), s);
    assert.deepEqual([...s.sum], [16, 0.010000000000000002]);
    near(w[0], 0.9, 1e-15);
    near(w[1], 0.9, 1e-15);
    // g2 = [2, 0.1]: s2 = [20, 0.02], effective lr [0.1/sqrt(20), 0.1/sqrt(0.02)] = [0.0224, 0.707]
    opt.step(w, f64(2, 0.1), s);
    near(0.1 / Math.sqrt(s.sum[0]), 0.0224, 1e-4);
    near(0.1 / Math.sqrt(s.sum[1]), 0.707, 1e-3);
    // steps [0.0447, 0.0707]
    near(w[0], 0.8553, 1e-4);
    near(w[1], 0.8293, 1e-4);
  });

  it("D2L's demo on 0.1 x1^2 + 2 x2^2 from (-5, -2), lr 0.4, eps 1e-6 inside: (-2.382563, -0.158591) after 20 steps", () => {
    const opt = adagrad({ lr: 0.4, eps: 1e-6, epsInside: true });
    const x = f64(-5, -2);
    const s = opt.init(x);
    for (let t = 0; t < 20; t++) opt.step(x, f64(0.2 * x[0], 4 * x[1]), s);
    near(x[0], -2.382563, 1e-6);
    near(x[1], -0.158591, 1e-6);
  });
});
