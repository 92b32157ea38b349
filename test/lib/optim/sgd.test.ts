import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sgd } from "../../../lib/src/optim/sgd";

const f64 = (...v: number[]) => Float64Array.from(v);

/** Asserts |a - b| <= tol, naming both. */
function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

/** Gradient descent on f(x) = c x^2 (f' = 2 c x) from x0: the points x_0 ... x_steps. */
function descend(c: number, x0: number, lr: number, steps: number): number[] {
  const opt = sgd({ lr });
  const x = f64(x0);
  const s = opt.init(x);
  const xs = [x[0]];
  for (let t = 0; t < steps; t++) {
    opt.step(x, f64(2 * c * x[0]), s);
    xs.push(x[0]);
  }
  return xs;
}

describe("sgd", () => {
  it("the TSDoc example prints 41.4 after two momentum steps from 90", () => {
    const opt = sgd({ lr: 0.1, momentum: 0.9 });
    const x = f64(90);
    const s = opt.init(x);
    opt.step(x, f64(2 * x[0]), s);
    opt.step(x, f64(2 * x[0]), s);
    near(x[0], 41.4, 1e-12);
  });

  it("sgd's plain step is x - lr g, in place, returning x", () => {
    const opt = sgd({ lr: 0.5 });
    const x = f64(1, -2);
    const s = opt.init(x);
    // x = [1 - 0.5 * 4, -2 - 0.5 * (-1)] = [-1, -1.5]
    assert.equal(opt.step(x, f64(4, -1), s), x);
    assert.deepEqual([...x], [-1, -1.5]);
  });

  it("weight decay adds lambda x to the gradient and maximize flips its sign", () => {
    const opt = sgd({ lr: 0.1, weightDecay: 0.5, maximize: true });
    const x = f64(2);
    const s = opt.init(x);
    // d = -g + 0.5 x = -1 + 1 = 0: x stays
    opt.step(x, f64(1), s);
    assert.equal(x[0], 2);
    // d = -3 + 1 = -2: x = 2 + 0.2
    opt.step(x, f64(3), s);
    near(x[0], 2.2, 1e-15);
  });

  it("the first momentum step copies g into the buffer without dampening; later ones dampen", () => {
    const opt = sgd({ lr: 1, momentum: 0.5, dampening: 0.5 });
    const x = f64(0);
    const s = opt.init(x);
    opt.step(x, f64(4), s); // b = 4, x = -4
    assert.equal(s.momentumBuffer[0], 4);
    assert.equal(x[0], -4);
    opt.step(x, f64(4), s); // b = 0.5 * 4 + 0.5 * 4 = 4, x = -8
    assert.equal(s.momentumBuffer[0], 4);
    assert.equal(x[0], -8);
  });

  it("nesterov steps along g + mu b", () => {
    const opt = sgd({ lr: 0.1, momentum: 0.9, nesterov: true });
    const x = f64(1);
    const s = opt.init(x);
    opt.step(x, f64(2), s); // b = 2, d = 2 + 1.8 = 3.8, x = 1 - 0.38
    near(x[0], 0.62, 1e-15);
    opt.step(x, f64(1), s); // b = 1.8 + 1 = 2.8, d = 1 + 2.52 = 3.52, x = 0.62 - 0.352
    near(x[0], 0.268, 1e-15);
  });

  it("a learning rate passed to step overrides the configured one for that step only", () => {
    const opt = sgd({ lr: 0.1 });
    const x = f64(1);
    const s = opt.init(x);
    opt.step(x, f64(1), s, 0.5); // x = 0.5
    opt.step(x, f64(1), s); // x = 0.4
    near(x[0], 0.4, 1e-15);
  });

  it("rejects bad options with torch's messages", () => {
    assert.throws(() => sgd({ lr: -1 }), { message: "Invalid learning rate: -1" });
    assert.throws(() => sgd({ lr: 0.1, momentum: -0.5 }), { message: "Invalid momentum value: -0.5" });
    assert.throws(() => sgd({ lr: 0.1, weightDecay: -1 }), { message: "Invalid weight_decay value: -1" });
    assert.throws(() => sgd({ lr: 0.1, nesterov: true }), {
      message: "Nesterov momentum requires a momentum and zero dampening",
    });
    assert.throws(() => sgd({ lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true }), /zero dampening/);
    assert.throws(() => sgd({} as { lr: number }), /requires a learning rate/);
    assert.throws(() => sgd({ lr: 0.1, mommentum: 0.9 } as never), /unexpected option: mommentum/);
    assert.throws(() => sgd({ lr: NaN }), { message: "Invalid learning rate: NaN" });
  });

  it("rejects mismatched lengths, a non-finite start and a negative lr override", () => {
    const opt = sgd({ lr: 0.1, momentum: 0.9 });
    const s = opt.init(f64(1, 2));
    assert.throws(() => opt.step(f64(1, 2), f64(1), s), {
      message: "Mismatched lengths for x and g: 2 and 1",
    });
    assert.throws(() => opt.step(f64(1), f64(1), s), /optimizer state: 1 and 2/);
    assert.throws(() => opt.init(f64(1, NaN)), { message: "Invalid start point x0: entry 1 is NaN" });
    assert.throws(() => opt.step(f64(1, 2), f64(1, 1), s, -0.1), { message: "Invalid learning rate: -0.1" });
  });

  it("keeps no momentum buffer without momentum, as torch's is None", () => {
    assert.equal(sgd({ lr: 0.1 }).init(f64(1, 2)).momentumBuffer.length, 0);
    assert.equal(sgd({ lr: 0.1, momentum: 0.5 }).init(f64(1, 2)).momentumBuffer.length, 2);
  });
});

describe("sgd on the syllabus's parabolas (section 1)", () => {
  it("x^2 from 70 with lr 0.1 gives 70, 56, 44.8, 35.84, 28.672 with f' = 140, 112, 89.6, 71.68", () => {
    const xs = descend(1, 70, 0.1, 4);
    [70, 56, 44.8, 35.84, 28.672].forEach((v, t) => near(xs[t], v, 1e-12, `x${t}`));
    [140, 112, 89.6, 71.68].forEach((v, t) => near(2 * xs[t], v, 1e-12, `f'(x${t})`));
  });

  it("x^2 from 70: the slide's x10 ... x34 are the points one step later (x_t = 70 * 0.8^t)", () => {
    const xs = descend(1, 70, 0.1, 35);
    // x10 = 70 * 0.8^10 = 7.516; the slide's "x10 = 6.012" is 70 * 0.8^11: its table is one index behind.
    near(xs[10], 7.516, 1e-3, "x10");
    const slide: [number, number][] = [
      [10, 6.012],
      [11, 4.81],
      [12, 3.84],
      [13, 3.078],
      [14, 2.46],
      [30, 0.069],
      [31, 0.055],
      [32, 0.044],
      [33, 0.035],
      [34, 0.028],
    ];
    for (const [k, v] of slide) near(xs[k + 1], v, 0.005 + 0.001 * v, `slide x${k}`);
    // The slide prints f'(x32) = 0.88: it is 2 * 0.0444 = 0.0887 (lecture error).
    near(2 * xs[33], 0.0887, 1e-4, "f'(slide x32)");
  });

  it("x^2 from 70 reaches 8.6e-96 after 1000 steps in float64, not the slide's 1e-38", () => {
    const xs = descend(1, 70, 0.1, 1000);
    near(xs[1000] / 1e-96, 8.6116, 1e-3, "x1000 / 1e-96");
    assert.ok(xs[1000] < 1e-38 * 1e-50);
  });

  it("x^2 from 99: lr 0.1, 0.001, 0.8, 1.1 multiply x by 0.8, 0.998, -0.6, -1.2 each step", () => {
    const cases: [number, number][] = [
      [0.1, 0.8],
      [0.001, 0.998],
      [0.8, -0.6],
      [1.1, -1.2],
    ];
    for (const [lr, factor] of cases) {
      const xs = descend(1, 99, lr, 5);
      for (let t = 0; t < 5; t++) near(xs[t + 1] / xs[t], factor, 1e-12, `lr ${lr} step ${t}`);
    }
    assert.ok(Math.abs(descend(1, 99, 1.1, 30)[30]) > 99 * 200, "lr 1.1 diverges");
    assert.ok(Math.abs(descend(1, 99, 0.8, 60)[60]) < 1e-10, "lr 0.8 oscillates but converges");
  });

  it("the blog's demos: 6, -1.2, 0.24 with lr 0.6 and 3, -3, 3 with lr 1", () => {
    [6, -1.2, 0.24].forEach((v, t) => near(descend(1, 6, 0.6, 2)[t], v, 1e-12));
    assert.deepEqual(descend(1, 3, 1, 4), [3, -3, 3, -3, 3]);
  });

  it("9x^2 from 70 with lr 0.1 alternates 70, -56, 44.8, -35.84, 28.672 (f' = 1260, -1008)", () => {
    const xs = descend(9, 70, 0.1, 4);
    [70, -56, 44.8, -35.84, 28.672].forEach((v, t) => near(xs[t], v, 1e-12, `x${t}`));
    near(18 * xs[0], 1260, 1e-12);
    near(18 * xs[1], -1008, 1e-12);
  });

  it("20x^2 from 2 with lr 0.1 diverges: 2, -6, 18, -54, 162 (f' = 80, -240, 720, -2160)", () => {
    const xs = descend(20, 2, 0.1, 4);
    [2, -6, 18, -54, 162].forEach((v, t) => near(xs[t], v, 1e-12, `x${t}`));
    [80, -240, 720, -2160].forEach((v, t) => near(40 * xs[t], v, 1e-10, `f'(x${t})`));
  });

  it("x^2 + y^2 from (6, 9) with lr 0.1: y2 = 5.76 (the slide's 5.75 is wrong)", () => {
    const opt = sgd({ lr: 0.1 });
    const p = f64(6, 9);
    const s = opt.init(p);
    const points: number[][] = [];
    for (let t = 0; t < 4; t++) {
      opt.step(p, f64(2 * p[0], 2 * p[1]), s);
      points.push([...p]);
    }
    const expected = [
      [4.8, 7.2],
      [3.84, 5.76],
      [3.072, 4.608],
      [2.4576, 3.6864],
    ];
    expected.forEach((q, t) => q.forEach((v, i) => near(points[t][i], v, 1e-12, `point ${t + 1}[${i}]`)));
  });
});
