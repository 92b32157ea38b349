import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randn, seeded } from "../../../lib/src/core/random";
import {
  fastOptimizer,
  fastOptimizerAvailable,
  fastOptimizerBytesPerParameter,
} from "../../../lib/src/optim/fastOptimizer";
import type { FastOptimizerName } from "../../../lib/src/optim/fastOptimizer";
import { optimizers } from "../../../lib/src/optim/registry";

// The WASM kernels must equal the readable optimizers to the last bit: same operations in the same order,
// IEEE float64 in both. Each case runs 100 steps on seeded random data, the gradient of a quadratic plus
// noise (so x, the moments and the denominators all change), with an odd n (the padded last pair) and a
// learning rate that changes every step through the lr override (how schedules drive it).
const N = 37;
const STEPS = 100;

function sameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${what}[${i}]: wasm ${actual[i]} != readable ${expected[i]}`);
    }
  }
}

function compare(
  name: FastOptimizerName,
  options: Record<string, unknown>,
  seed: number,
  schedule = false,
  n = N,
): void {
  const rng = seeded(seed);
  const x0 = randn(rng, new Float64Array(n), 0, 2);
  const fast = fastOptimizer(name, x0, options as never, { backend: "wasm" });
  const readable = optimizers[name](options);
  const x = Float64Array.from(x0);
  const state = readable.init(x);
  const g = new Float64Array(n);
  const noise = new Float64Array(n);
  for (let t = 0; t < STEPS; t++) {
    randn(rng, noise, 0, 0.5);
    for (let i = 0; i < n; i++) g[i] = (1 + (i % 5)) * x[i] + noise[i];
    fast.g.set(g);
    const lr = schedule ? (options.lr as number) * (1 + Math.cos((Math.PI * t) / STEPS)) * 0.5 : undefined;
    readable.step(x, g, state, lr);
    assert.equal(fast.step(lr), fast.x);
  }
  sameBits(fast.x, x, "x");
  for (const [key, value] of Object.entries(state as Record<string, unknown>)) {
    const mine = (fast.state as unknown as Record<string, unknown>)[key];
    if (value instanceof Float64Array) sameBits(mine as Float64Array, value, key);
    else assert.equal(mine, value, key);
  }
}

const CASES: [FastOptimizerName, Record<string, unknown>][] = [
  ["SGD", { lr: 0.05 }],
  ["SGD", { lr: 0.05, momentum: 0.9 }],
  ["SGD", { lr: 0.02, momentum: 0.9, dampening: 0.3, weightDecay: 0.1 }],
  ["SGD", { lr: 0.02, momentum: 0.8, nesterov: true, weightDecay: 0.01, maximize: false }],
  ["SGD", { lr: 0.01, momentum: 0.5, maximize: true }],
  ["Adagrad", {}],
  ["Adagrad", { lr: 0.1, lrDecay: 0.01, weightDecay: 0.05, initialAccumulatorValue: 0.2, eps: 1e-6 }],
  ["Adagrad", { lr: 0.1, maximize: true, epsInside: true }],
  ["RMSprop", {}],
  ["RMSprop", { lr: 0.005, alpha: 0.9, momentum: 0.9 }],
  ["RMSprop", { lr: 0.005, centered: true, weightDecay: 0.1, eps: 1e-4 }],
  ["RMSprop", { lr: 0.005, centered: true, momentum: 0.5, maximize: true, epsInside: true }],
  ["Adam", {}],
  ["Adam", { lr: 0.05, betas: [0.8, 0.99], eps: 1e-6, weightDecay: 0.1 }],
  ["Adam", { lr: 0.05, amsgrad: true, maximize: true }],
  ["Adam", { lr: 0.05, epsInside: true, biasCorrection: "first" }],
  ["Adam", { lr: 0.05, biasCorrection: "none" }],
  ["AdamW", {}],
  ["AdamW", { lr: 0.05, weightDecay: 0.3, amsgrad: true }],
];

describe("fastOptimizer", { skip: !fastOptimizerAvailable() && "WebAssembly SIMD unavailable" }, () => {
  CASES.forEach(([name, options], k) => {
    it(`fastOptimizer("${name}", ${JSON.stringify(options)}) equals the readable ${name} bit for bit over 100 steps`, () => {
      compare(name, options, 100 + k);
    });
  });

  it("a learning rate passed to step() (a schedule) is used exactly as the readable optimizer uses it", () => {
    compare("Adam", { lr: 0.05 }, 1, true);
    compare("SGD", { lr: 0.05, momentum: 0.9 }, 2, true);
    compare("Adagrad", { lr: 0.05, lrDecay: 0.1 }, 3, true);
    compare("RMSprop", { lr: 0.01, momentum: 0.9, centered: true }, 4, true);
  });

  it("fastOptimizer's @example prints [0.9000000005, -1.90000000025]: the first Adam step has size lr", () => {
    const opt = fastOptimizer("Adam", Float64Array.of(1, -2), { lr: 0.1 });
    opt.g.set([2, -4]); // m̂ = g, v̂ = g², so x moves by lr·|g|/(|g| + eps) = 0.1·(1 - eps/|g|) per coordinate
    opt.step();
    assert.deepEqual(Array.from(opt.x), [0.9000000005, -1.90000000025]);
  });

  it("n = 1 and n = 0 work (the padded pair, and no pairs at all)", () => {
    compare("Adam", { lr: 0.1, amsgrad: true }, 5, false, 1);
    compare("RMSprop", { centered: true, momentum: 0.9 }, 6, false, 1);
    const none = fastOptimizer("SGD", 0, { lr: 0.1 });
    assert.equal(none.step(), none.x);
    assert.equal(none.x.length, 0);
  });

  it("the arrays are views of one WebAssembly memory that step() updates in place, without copies", () => {
    const opt = fastOptimizer("Adam", 1000, { lr: 0.1 });
    const { x, g } = opt;
    assert.equal(x.buffer, g.buffer);
    assert.equal(opt.state.expAvg.buffer, x.buffer);
    assert.equal(x.byteOffset % 16, 0);
    g.fill(1);
    opt.step();
    assert.equal(opt.x, x);
    assert.ok(Math.abs(x[999] + 0.1) < 1e-8); // the first step has size lr
    assert.equal(opt.state.step, 1);
  });

  it('the "ts" backend runs the readable loop on the same kind of arrays and agrees with "wasm"', () => {
    const a = fastOptimizer(
      "RMSprop",
      Float64Array.of(1, 2, 3),
      { lr: 0.01, momentum: 0.9 },
      { backend: "ts" },
    );
    const b = fastOptimizer(
      "RMSprop",
      Float64Array.of(1, 2, 3),
      { lr: 0.01, momentum: 0.9 },
      { backend: "wasm" },
    );
    assert.equal(a.backend, "ts");
    assert.equal(b.backend, "wasm");
    for (let t = 0; t < 10; t++) {
      for (const o of [a, b]) for (let i = 0; i < 3; i++) o.g[i] = 2 * o.x[i];
      a.step();
      b.step();
    }
    sameBits(b.x, a.x, "x");
  });

  it("bad options are rejected by the readable optimizer's checks, naming the value", () => {
    assert.throws(
      () => fastOptimizer("Adam", 4, { betas: [1.2, 0.999] }),
      /Invalid beta parameter at index 0: 1.2/,
    );
    assert.throws(() => fastOptimizer("RMSprop", 4, { lr: -1 }), /Invalid learning rate: -1/);
    assert.throws(
      () => fastOptimizer("Adam", 4, { weight_decay: 0.1 } as never),
      /unexpected option: weight_decay/,
    );
    assert.throws(
      () => fastOptimizer("Adadelta" as never, 4, {} as never),
      /No fast optimizer named Adadelta/,
    );
    assert.throws(() => fastOptimizer("Adam", 2.5, {}), /2.5/);
    assert.throws(() => fastOptimizer("Adam", Float64Array.of(1, NaN), {}), /NaN/);
    assert.throws(() => fastOptimizer("Adam", 3, {}).step(-0.1), /Invalid learning rate: -0.1/);
    assert.throws(() => fastOptimizer("Adam", 3, {}, { backend: "gpu" as never }), /Invalid backend: gpu/);
  });

  it("Adam moves 56 bytes per parameter a step: x, g, m, v read, x, m, v written", () => {
    assert.equal(fastOptimizerBytesPerParameter("Adam", { amsgrad: false }), 56);
    assert.equal(fastOptimizerBytesPerParameter("SGD", { momentum: 0.9 }), 40);
    assert.equal(fastOptimizerBytesPerParameter("Adagrad", {}), 40);
    assert.equal(fastOptimizerBytesPerParameter("RMSprop", { momentum: 0, centered: false }), 40);
  });
});
