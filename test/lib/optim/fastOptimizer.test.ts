import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { randn, seeded } from "../../../lib/src/core/random";
import {
  fastOptimizer,
  fastOptimizerAvailable,
  fastOptimizerBackends,
  fastOptimizerBytesPerParameter,
  optimNativePath,
} from "../../../lib/src/optim/fastOptimizer";
import { nativeBuildMachine } from "../../../lib/src/core/nativeAddon";
import type { FastBackend, FastOptimizerName } from "../../../lib/src/optim/fastOptimizer";
import { optimizers } from "../../../lib/src/optim/registry";
import { NO_NATIVE_KERNELS, NO_WASM_SIMD } from "../../support/optional";

// The native and WASM kernels must equal the readable optimizers to the last bit: same operations in the same order,
// IEEE float64 in both. Each case runs 100 steps on seeded random data, the gradient of a quadratic plus
// noise (so x, the moments and the denominators all change), with an odd n (the padded last pair) and a
// learning rate that changes every step through the lr override (how schedules drive it).
const N = 37;
const STEPS = 100;

function sameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${what}[${i}]: kernel ${actual[i]} != readable ${expected[i]}`);
    }
  }
}

/** Linux with `cc`: where the install builds the native kernels, so their absence is a failure. */
function hasCompiler(): boolean {
  return process.platform === "linux" && spawnSync("cc", ["--version"]).status === 0;
}

function compare(
  backend: FastBackend,
  name: FastOptimizerName,
  options: Record<string, unknown>,
  seed: number,
  schedule = false,
  n = N,
  steps = STEPS,
): void {
  const rng = seeded(seed);
  const x0 = randn(rng, new Float64Array(n), 0, 2);
  const fast = fastOptimizer(name, x0, options as never, { backend });
  assert.equal(fast.backend, backend);
  const readable = optimizers[name](options);
  const x = Float64Array.from(x0);
  const state = readable.init(x);
  const g = new Float64Array(n);
  const noise = new Float64Array(n);
  for (let t = 0; t < steps; t++) {
    randn(rng, noise, 0, 0.5);
    for (let i = 0; i < n; i++) g[i] = (1 + (i % 5)) * x[i] + noise[i];
    fast.g.set(g);
    const lr = schedule ? (options.lr as number) * (1 + Math.cos((Math.PI * t) / steps)) * 0.5 : undefined;
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

const KERNELS: FastBackend[] = ["native", "wasm"];
const available = fastOptimizerBackends();

for (const backend of KERNELS) {
  const skip = !available.includes(backend) && (backend === "native" ? NO_NATIVE_KERNELS : NO_WASM_SIMD);
  describe(`fastOptimizer with the ${backend} kernels`, { skip }, () => {
    CASES.forEach(([name, options], k) => {
      it(`fastOptimizer("${name}", ${JSON.stringify(options)}) equals the readable ${name} bit for bit over 100 steps`, () => {
        compare(backend, name, options, 100 + k);
      });
    });

    it("a learning rate passed to step() (a schedule) is used exactly as the readable optimizer uses it", () => {
      compare(backend, "Adam", { lr: 0.05 }, 1, true);
      compare(backend, "SGD", { lr: 0.05, momentum: 0.9 }, 2, true);
      compare(backend, "Adagrad", { lr: 0.05, lrDecay: 0.1 }, 3, true);
      compare(backend, "RMSprop", { lr: 0.01, momentum: 0.9, centered: true }, 4, true);
    });

    it("n = 1 and n = 0 work (the padded block, and no blocks at all)", () => {
      compare(backend, "Adam", { lr: 0.1, amsgrad: true }, 5, false, 1);
      compare(backend, "RMSprop", { centered: true, momentum: 0.9 }, 6, false, 1);
      const none = fastOptimizer("SGD", 0, { lr: 0.1 }, { backend });
      assert.equal(none.step(), none.x);
      assert.equal(none.x.length, 0);
    });

    it("the arrays are views of one buffer that step() updates in place, without copies", () => {
      const opt = fastOptimizer("Adam", 1000, { lr: 0.1 }, { backend });
      const { x, g } = opt;
      assert.equal(x.buffer, g.buffer);
      assert.equal(opt.state.expAvg.buffer, x.buffer);
      g.fill(1);
      opt.step();
      assert.equal(opt.x, x);
      assert.ok(Math.abs(x[999] + 0.1) < 1e-8); // the first step has size lr
      assert.equal(opt.state.step, 1);
    });

    it("a million parameters, 3 steps: the whole array is updated (every block, none beyond)", () => {
      compare(backend, "Adam", { lr: 0.01, weightDecay: 0.01 }, 7, false, 1_000_003, 3);
    });
  });
}

describe("fastOptimizer", { skip: !fastOptimizerAvailable() && NO_WASM_SIMD }, () => {
  it("fastOptimizer's @example prints [0.9000000005, -1.90000000025]: the first Adam step has size lr", () => {
    const opt = fastOptimizer("Adam", Float64Array.of(1, -2), { lr: 0.1 });
    opt.g.set([2, -4]); // m̂ = g, v̂ = g², so x moves by lr·|g|/(|g| + eps) = 0.1·(1 - eps/|g|) per coordinate
    opt.step();
    assert.deepEqual(Array.from(opt.x), [0.9000000005, -1.90000000025]);
  });

  it("the default backend is the fastest available: native where it was built, else wasm", () => {
    assert.equal(fastOptimizer("SGD", 3, { lr: 0.1 }).backend, available[0]);
    assert.ok(available[0] === "native" || available[0] === "wasm");
  });

  it(
    "on Linux with a C compiler, npm install built the native kernels",
    { skip: !hasCompiler() && NO_NATIVE_KERNELS },
    () => {
      assert.ok(
        available.includes("native"),
        "lib/native/build/optimStep.node missing: npx tsx scripts/build-native.ts --strict",
      );
      // Beside it, the machine it was compiled for: this one (else it would not have been loaded).
      const built = JSON.parse(fs.readFileSync(`${optimNativePath()}.json`, "utf8")) as unknown;
      assert.deepEqual(built, nativeBuildMachine());
    },
  );

  it(
    "the native addon refuses arrays outside its buffer and arguments of the wrong kind, naming them",
    { skip: !available.includes("native") && NO_NATIVE_KERNELS },
    () => {
      const holder = { exports: {} as Record<string, (...args: unknown[]) => void> };
      process.dlopen(holder, optimNativePath());
      const { adagrad } = holder.exports;
      const buffer = new ArrayBuffer(256);
      // blocks, x, g, sum, -lr, eps, weightDecay, maximize, epsInside: 2 blocks of 4 float64 = 64 bytes each
      adagrad(buffer, 2, 0, 64, 128, -0.1, 1e-10, 0, 0, 0);
      assert.throws(
        () => adagrad(buffer, 2, 0, 64, 224, -0.1, 1e-10, 0, 0, 0),
        /array at byte offset 224 \(2 blocks\) outside the buffer \(256 bytes\)/,
      );
      assert.throws(() => adagrad(buffer, 2, 0, 64, 4, -0.1, 1e-10, 0, 0, 0), /byte offset 4/);
      assert.throws(() => adagrad(buffer, 2.5, 0, 64, 128, -0.1, 1e-10, 0, 0, 0), /bad block count/);
      assert.throws(() => adagrad(buffer, 2, 0, 64), /expected 10 arguments, got 4/);
      assert.throws(() => adagrad(new Float64Array(32), 2, 0, 64, 128, -0.1, 1e-10, 0, 0, 0), /ArrayBuffer/);
      assert.throws(() => adagrad(buffer, 2, 0, 64, 128, "x", 1e-10, 0, 0, 0), /argument 5 must be a number/);
    },
  );

  it("native arrays start on a cache line, WebAssembly ones on 16 bytes", () => {
    for (const backend of available.filter((b) => b !== "js")) {
      const opt = fastOptimizer("Adam", 10, {}, { backend });
      assert.equal(opt.x.byteOffset % 16, 0);
      assert.equal((opt.state.expAvg.byteOffset - opt.x.byteOffset) % 64, 0);
    }
  });

  it('the "js" backend runs the readable loop on the same kind of arrays and agrees with the kernels', () => {
    const a = fastOptimizer(
      "RMSprop",
      Float64Array.of(1, 2, 3),
      { lr: 0.01, momentum: 0.9 },
      { backend: "js" },
    );
    const b = fastOptimizer("RMSprop", Float64Array.of(1, 2, 3), { lr: 0.01, momentum: 0.9 });
    assert.equal(a.backend, "js");
    assert.equal(b.backend, available[0]);
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
      /No fast optimizer named Adadelta \(known: SGD, Adagrad, RMSprop, Adam, AdamW\)/,
    );
    assert.throws(() => fastOptimizer("Adam", 2.5, {}), /2.5/);
    assert.throws(() => fastOptimizer("Adam", Float64Array.of(1, NaN), {}), /NaN/);
    assert.throws(() => fastOptimizer("Adam", 3, {}).step(-0.1), /Invalid learning rate: -0.1/);
    assert.throws(() => fastOptimizer("Adam", 3, {}, { backend: "gpu" as never }), /Invalid backend: gpu/);
    assert.throws(
      () => fastOptimizer("Adam", 3, {}, { backnd: "js" } as never),
      /fastOptimizer settings got an unexpected option: backnd \(expected one of backend\)/,
    );
  });

  it("Adam moves 56 bytes per parameter a step: x, g, m, v read, x, m, v written", () => {
    assert.equal(fastOptimizerBytesPerParameter("Adam", { amsgrad: false }), 56);
    assert.equal(fastOptimizerBytesPerParameter("SGD", { momentum: 0.9 }), 40);
    assert.equal(fastOptimizerBytesPerParameter("Adagrad", {}), 40);
    assert.equal(fastOptimizerBytesPerParameter("RMSprop", { momentum: 0, centered: false }), 40);
    assert.equal(fastOptimizerBytesPerParameter("SGD", { lr: 0.1 }), 24);
    assert.equal(fastOptimizerBytesPerParameter("RMSprop", { momentum: 0.9, centered: true }), 72);
  });
});
