import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { adam } from "../../../lib/src/optim/adam";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("adam", () => {
  it("the TSDoc example prints [0.9000000005, -1.90000000025]", () => {
    const opt = adam({ lr: 0.1 });
    const x = f64(1, -2);
    opt.step(x, f64(2, -4), opt.init(x));
    assert.deepEqual([...x], [0.9000000005, -1.90000000025]);
  });

  it("adam's first step has size lr in every coordinate, whatever the gradient's size", () => {
    const opt = adam({ lr: 0.01, eps: 0 });
    const x = f64(0, 0, 0);
    // m1 = 0.1 g, v1 = 0.001 g^2; m1 / 0.1 = g, sqrt(v1 / 0.001) = |g|: step lr sign(g)
    opt.step(x, f64(1000, -0.001, 3), opt.init(x));
    [-0.01, 0.01, -0.01].forEach((v, i) => near(x[i], v, 1e-15));
  });

  it("adam's second step by hand", () => {
    const opt = adam({ lr: 0.1, betas: [0.5, 0.5], eps: 0 });
    const x = f64(0);
    const s = opt.init(x);
    opt.step(x, f64(2), s); // m = 1, v = 2; m̂ = 2, v̂ = 4: x = -0.1
    near(x[0], -0.1, 1e-15);
    opt.step(x, f64(1), s); // m = 1, v = 1.5; bc1 = bc2 = 0.75: m̂ = 4/3, sqrt(v̂) = sqrt(2)
    near(x[0], -0.1 - (0.1 * (4 / 3)) / Math.sqrt(2), 1e-15);
  });

  it("amsgrad divides by the running maximum of v", () => {
    const opt = adam({ lr: 1, betas: [0, 0.5], eps: 0, amsgrad: true });
    const x = f64(0);
    const s = opt.init(x);
    opt.step(x, f64(4), s); // v = 8, vmax = 8
    opt.step(x, f64(1), s); // v = 4.5 < vmax = 8: denom sqrt(8) / sqrt(0.75)
    assert.equal(s.maxExpAvgSq[0], 8);
    near(x[0], -1 - 1 / (Math.sqrt(8) / Math.sqrt(0.75)), 1e-15);
  });

  it("weight decay is added to the gradient (L2) and maximize flips the gradient first", () => {
    const opt = adam({ lr: 0.1, weightDecay: 1, maximize: true, eps: 0 });
    const x = f64(1);
    opt.step(x, f64(3), opt.init(x)); // d = -3 + 1 = -2: x = 1 + 0.1
    near(x[0], 1.1, 1e-15);
  });

  it("rejects bad options with torch's messages", () => {
    assert.throws(() => adam({ lr: -1 }), { message: "Invalid learning rate: -1" });
    assert.throws(() => adam({ betas: [1.2, 0.999] }), { message: "Invalid beta parameter at index 0: 1.2" });
    assert.throws(() => adam({ betas: [0.9, 1] }), { message: "Invalid beta parameter at index 1: 1" });
    assert.throws(() => adam({ eps: -1e-8 }), { message: "Invalid epsilon value: -1e-8" });
    assert.throws(() => adam({ weightDecay: -0.1 }), { message: "Invalid weight_decay value: -0.1" });
    assert.throws(() => adam({ betas: [0.9] as never }), /Invalid betas/);
    assert.throws(() => adam({ biasCorrection: "m" as never }), /Invalid biasCorrection value: m/);
    assert.throws(() => adam({ weight_decay: 0.1 } as never), /Adam got an unexpected option: weight_decay/);
  });

  it("the config is a copy: changing the options array afterwards changes nothing", () => {
    const betas: [number, number] = [0.9, 0.999];
    const opt = adam({ betas });
    betas[0] = 0.1;
    assert.deepEqual(opt.config.betas, [0.9, 0.999]);
  });
});

describe("adam and the slides' simpler forms (section 7)", () => {
  // One step from g = 1 with beta1 = 0.9, beta2 = 0.999, eta = 0.01, eps = 1e-8 inside the root.
  function firstStep(biasCorrection: "both" | "first" | "none"): number {
    const opt = adam({ lr: 0.01, eps: 1e-8, epsInside: true, biasCorrection });
    const x = f64(0);
    opt.step(x, f64(1), opt.init(x));
    return -x[0];
  }

  it("full Adam's first step is eta", () => {
    near(firstStep("both"), 0.01, 1e-9);
  });

  it("correcting only m (the slides) makes the first step eta / sqrt(1 - beta2) = 31.6 eta", () => {
    // m / (1 - beta1) = 1, v = 0.001: 0.01 / sqrt(0.001 + 1e-8)
    near(firstStep("first"), 0.01 / Math.sqrt(0.001 + 1e-8), 1e-15);
    near(firstStep("first") / 0.01, 31.6, 0.05);
  });

  it("simpler Adam (no correction) makes it (1 - beta1) / sqrt(1 - beta2) eta = 3.16 eta", () => {
    near(firstStep("none"), (0.01 * 0.1) / Math.sqrt(0.001 + 1e-8), 1e-15);
    near(firstStep("none") / 0.01, 3.16, 0.005);
  });

  it("eps outside (torch) or inside the root gives nearly the same points when v is not tiny", () => {
    const a = f64(0.5, -1);
    const b = f64(0.5, -1);
    const torchForm = adam({ lr: 0.05 });
    const sa = torchForm.init(a);
    const inside = adam({ lr: 0.05, eps: 0, epsInside: true });
    const sb = inside.init(b);
    for (let t = 0; t < 20; t++) {
      torchForm.step(a, f64(2 * a[0], 2 * a[1] + 1), sa);
      inside.step(b, f64(2 * b[0], 2 * b[1] + 1), sb);
    }
    // eps = 1e-8 outside vs 0 inside: the same points to about 1e-8
    near(a[0], b[0], 1e-6);
    near(a[1], b[1], 1e-6);
  });
});
