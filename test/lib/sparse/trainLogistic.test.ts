import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { trainLogistic } from "../../../lib/src/sparse/trainLogistic";
import { wasmSparseLogisticAvailable } from "../../../lib/src/sparse/wasmSparseLogistic";
import {
  nativeSparseLogistic,
  nativeSparseLogisticAvailable,
} from "../../../lib/src/sparse/nativeSparseLogistic";
import { loadSpamAssassin } from "../../../lib/src/data/loadSpamAssassin";
import type { TrainLogisticOptions } from "../../../lib/src/sparse/trainLogistic";
import { csrFromDense, csrColumnCounts } from "../../../lib/src/sparse/csr";
import type { CSR } from "../../../lib/src/sparse/csr";
import { logisticEvaluate } from "../../../lib/src/sparse/logistic";
import { seeded, randn, shuffle } from "../../../lib/src/core/random";
import { adagrad } from "../../../lib/src/optim/adagrad";
import { sgd } from "../../../lib/src/optim/sgd";
import type { Optimizer } from "../../../lib/src/core/types";
import { NO_WASM_SIMD } from "../../support/optional";

/** A small sparse problem: 40 samples, 25 features, ~15% dense, labels from a planted model. */
function problem(): { X: CSR; A: Float64Array; y: Float64Array } {
  const rows = 40;
  const cols = 25;
  const rng = seeded(99);
  const A = new Float64Array(rows * cols);
  // Feature j appears with probability 0.5 / (1 + j): a few frequent, many rare features.
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) if (rng.uniform() < 0.6 / (1 + j / 3)) A[i * cols + j] = rng.uniform();
  }
  const truth = randn(rng, new Float64Array(cols));
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = -0.3;
    for (let j = 0; j < cols; j++) z += A[i * cols + j] * truth[j];
    y[i] = z > 0 ? 1 : 0;
  }
  return { X: csrFromDense(rows, cols, A), A, y };
}

/**
 * The reference: torch.optim's dense SGD / Adagrad on the parameter vector [w, b], every coordinate
 * updated at every step from the dense minibatch-mean gradient, with the same seeded init and shuffles.
 */
function denseReference(
  A: Float64Array,
  y: Float64Array,
  rows: number,
  cols: number,
  o: Pick<
    TrainLogisticOptions,
    "optimizer" | "lr" | "epochs" | "batchSize" | "eps" | "lrDecay" | "weightDecay"
  > & {
    seed: number;
  },
): { theta: Float64Array; losses: number[] } {
  const rng = seeded(o.seed);
  const theta = new Float64Array(cols + 1); // [w, b]
  randn(rng, theta.subarray(0, cols), 0, 0.01);
  const s = new Float64Array(cols + 1);
  const g = new Float64Array(cols + 1);
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const losses: number[] = [];
  let t = 0;
  for (let e = 0; e < o.epochs; e++) {
    shuffle(rng, order);
    for (let p0 = 0; p0 < rows; p0 += o.batchSize) {
      const batch = order.subarray(p0, Math.min(p0 + o.batchSize, rows));
      g.fill(0);
      let loss = 0;
      for (const i of batch) {
        let z = theta[cols];
        for (let j = 0; j < cols; j++) z += A[i * cols + j] * theta[j];
        loss += Math.max(z, 0) - z * y[i] + Math.log1p(Math.exp(-Math.abs(z)));
        const r = (1 / (1 + Math.exp(-z)) - y[i]) / batch.length;
        for (let j = 0; j < cols; j++) g[j] += r * A[i * cols + j];
        g[cols] += r;
      }
      losses.push(loss / batch.length);
      t++;
      const clr = o.optimizer === "Adagrad" ? o.lr / (1 + (t - 1) * o.lrDecay) : o.lr;
      for (let j = 0; j <= cols; j++) {
        const gj = g[j] + (j < cols ? o.weightDecay * theta[j] : 0); // no decay on the bias
        if (o.optimizer === "SGD") {
          theta[j] -= o.lr * gj;
        } else {
          s[j] += gj * gj;
          theta[j] -= (clr * gj) / (Math.sqrt(s[j]) + o.eps);
        }
      }
    }
  }
  return { theta, losses };
}

function maxError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]) / Math.max(1, Math.abs(b[k])));
  return m;
}

describe("trainLogistic against the dense torch-style update", () => {
  const { X, A, y } = problem();
  const cases: [string, Partial<TrainLogisticOptions>][] = [
    ["sparse per-sample Adagrad equals dense Adagrad to 1e-12", { optimizer: "Adagrad", lr: 0.1 }],
    [
      "sparse per-sample Adagrad with the lecture's eps 1e-8 and lr decay equals dense",
      { optimizer: "Adagrad", lr: 0.1, eps: 1e-8, lrDecay: 0.01 },
    ],
    ["sparse per-sample SGD equals dense SGD to 1e-12", { optimizer: "SGD", lr: 0.5 }],
    [
      "minibatch (7) Adagrad equals dense Adagrad, last batch smaller",
      { optimizer: "Adagrad", lr: 0.1, batchSize: 7 },
    ],
    ["minibatch (5) SGD equals dense SGD", { optimizer: "SGD", lr: 0.5, batchSize: 5 }],
    [
      "SGD with weight decay by the scaling trick equals dense decay",
      { optimizer: "SGD", lr: 0.3, weightDecay: 0.1 },
    ],
    [
      "Adagrad with weight decay (exact dense path) equals dense",
      { optimizer: "Adagrad", lr: 0.1, weightDecay: 0.05, batchSize: 3 },
    ],
  ];
  for (const [caseName, opts] of cases) {
    for (const backend of ["js", "auto"] as const) {
      const name = backend === "js" ? `${caseName} (TypeScript)` : `${caseName} (default backend)`;
      it(name, () => {
        const o = {
          backend,
          epochs: 4,
          batchSize: 1,
          eps: 1e-10,
          lrDecay: 0,
          weightDecay: 0,
          seed: 5,
          ...opts,
        } as TrainLogisticOptions;
        const ours = trainLogistic(X, y, o);
        const ref = denseReference(A, y, X.rows, X.cols, o);
        assert.ok(
          maxError(ours.w, ref.theta.subarray(0, X.cols)) < 1e-12,
          `w differs by ${maxError(ours.w, ref.theta)}`,
        );
        assert.ok(Math.abs(ours.b - ref.theta[X.cols]) < 1e-12);
        assert.equal(ours.stepLoss.length, ref.losses.length);
        assert.ok(maxError(ours.stepLoss, ref.losses) < 1e-12);
        assert.equal(ours.steps, ref.losses.length);
      });
    }
  }
});

describe("trainLogistic's records", () => {
  const { X, y } = problem();

  it("epochLoss[0] is the loss at the N(0, 0.01^2) start and the loss falls with training", () => {
    const res = trainLogistic(X, y, { optimizer: "Adagrad", lr: 0.5, epochs: 10 });
    assert.equal(res.epochLoss.length, 11);
    assert.ok(Math.abs(res.epochLoss[0] - Math.LN2) < 0.01); // logits near 0: loss near ln 2
    assert.ok(res.epochLoss[10] < res.epochLoss[0] / 2);
    const m = logisticEvaluate(X, y, res.w, res.b);
    assert.equal(res.epochLoss[10], m.loss);
    assert.equal(res.epochAccuracy[10], m.accuracy);
  });

  it("per-sample update counts are column frequencies times epochs, and minibatch counts steps touching a feature", () => {
    const res = trainLogistic(X, y, { epochs: 3 });
    const freq = csrColumnCounts(X);
    assert.deepEqual(
      [...res.updateCounts],
      [...freq].map((c) => 3 * c),
    );
    const full = trainLogistic(X, y, { epochs: 2, batchSize: X.rows, shuffle: false });
    assert.deepEqual(
      [...full.updateCounts],
      [...freq].map((c) => (c > 0 ? 2 : 0)),
    );
  });

  it("Adagrad's effective lr is lr / (sqrt(s) + eps): largest for the rarest features", () => {
    const res = trainLogistic(X, y, { optimizer: "Adagrad", lr: 0.1, epochs: 2, eps: 1e-8 });
    const s = res.accumulator as Float64Array;
    for (let j = 0; j < X.cols; j++) assert.equal(res.effectiveLr[j], 0.1 / (Math.sqrt(s[j]) + 1e-8));
    assert.ok(res.effectiveLr[X.cols - 1] > res.effectiveLr[0]);
    assert.deepEqual([...trainLogistic(X, y, { lr: 0.01 }).effectiveLr.subarray(0, 3)], [0.01, 0.01, 0.01]);
  });

  it("logEvery keeps every k-th step loss", () => {
    const all = trainLogistic(X, y, { epochs: 2, logEvery: 1 });
    const some = trainLogistic(X, y, { epochs: 2, logEvery: 7 });
    assert.equal(some.stepLoss.length, Math.ceil(80 / 7));
    for (let k = 0; k < some.stepLoss.length; k++) assert.equal(some.stepLoss[k], all.stepLoss[7 * k]);
  });

  it("the same seed gives the same model; another seed another", () => {
    assert.deepEqual(trainLogistic(X, y, { seed: 3 }).w, trainLogistic(X, y, { seed: 3 }).w);
    assert.notDeepEqual(trainLogistic(X, y, { seed: 3 }).w, trainLogistic(X, y, { seed: 4 }).w);
  });

  it("rejects bad options and labels, naming the value", () => {
    assert.throws(() => trainLogistic(X, y, { lr: -0.1 }), /Invalid learning rate: -0.1/);
    assert.throws(() => trainLogistic(X, y, { batchSize: 0 }), /Invalid batch size: 0/);
    assert.throws(
      () => trainLogistic(X, y, { optimizer: "adam" as "SGD" }),
      /Invalid optimizer: adam \(expected "SGD" or "Adagrad"\)/,
    );
    assert.throws(() => trainLogistic(X, y, { eps: -1 }), /Invalid epsilon value: -1/);
    const bad = Float64Array.from(y);
    bad[3] = -1;
    assert.throws(() => trainLogistic(X, bad), /Invalid label at index 3: -1/);
    assert.throws(() => trainLogistic(X, y.subarray(1)), /X has 40 rows, y has 39/);
  });
});

describe("trainLogistic against the library's dense optimizers (lib/src/optim)", () => {
  const { X, A, y } = problem();

  /** Dense per-sample training of [w, b] with an Optimizer, same seeded init and shuffles as trainLogistic. */
  function denseWith(opt: Optimizer<unknown>, epochs: number, seed: number): Float64Array {
    const { rows, cols } = X;
    const rng = seeded(seed);
    const theta = new Float64Array(cols + 1);
    randn(rng, theta.subarray(0, cols), 0, 0.01);
    const state = opt.init(theta);
    const g = new Float64Array(cols + 1);
    const order = Int32Array.from({ length: rows }, (_, i) => i);
    for (let e = 0; e < epochs; e++) {
      shuffle(rng, order);
      for (const i of order) {
        let z = theta[cols];
        for (let j = 0; j < cols; j++) z += A[i * cols + j] * theta[j];
        const r = 1 / (1 + Math.exp(-z)) - y[i];
        for (let j = 0; j < cols; j++) g[j] = r * A[i * cols + j]; // zero off the sample's features
        g[cols] = r;
        opt.step(theta, g, state);
      }
    }
    return theta;
  }

  it("sparse per-sample Adagrad equals adagrad({ lr: 0.1 }) stepping the dense [w, b] to 1e-12", () => {
    const ours = trainLogistic(X, y, { optimizer: "Adagrad", lr: 0.1, epochs: 3, seed: 8 });
    const theta = denseWith(adagrad({ lr: 0.1 }) as Optimizer<unknown>, 3, 8);
    assert.ok(maxError(ours.w, theta.subarray(0, X.cols)) < 1e-12);
    assert.ok(Math.abs(ours.b - theta[X.cols]) < 1e-12);
  });

  it("sparse per-sample SGD equals sgd({ lr: 0.5 }) stepping the dense [w, b] to 1e-12", () => {
    const ours = trainLogistic(X, y, { optimizer: "SGD", lr: 0.5, epochs: 3, seed: 8 });
    const theta = denseWith(sgd({ lr: 0.5 }) as Optimizer<unknown>, 3, 8);
    assert.ok(maxError(ours.w, theta.subarray(0, X.cols)) < 1e-12);
    assert.ok(Math.abs(ours.b - theta[X.cols]) < 1e-12);
  });
});

/** How many entries of two arrays differ in their bits (Object.is), plus the difference of their lengths. */
function same(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let differ = 0;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) differ++;
  return differ + Math.abs(a.length - b.length);
}

describe("trainLogistic's WebAssembly kernel", () => {
  const { X, y } = problem();
  const available = wasmSparseLogisticAvailable();

  it("runs per-sample training by default where WebAssembly SIMD runs and no native kernel, TypeScript otherwise", () => {
    const expected = nativeSparseLogisticAvailable() ? "native" : available ? "wasm" : "js";
    assert.equal(trainLogistic(X, y).backend, expected);
    assert.equal(trainLogistic(X, y, { backend: "js" }).backend, "js");
    assert.equal(trainLogistic(X, y, { batchSize: 2 }).backend, "js");
  });

  it(
    "gives the TypeScript loop's numbers bit for bit (SGD, Adagrad with lr decay, logEvery 1 and 7)",
    { skip: !available && NO_WASM_SIMD },
    () => {
      const settings: Partial<TrainLogisticOptions>[] = [
        { optimizer: "SGD", lr: 0.3 },
        { optimizer: "SGD", lr: 2, logEvery: 7 },
        { optimizer: "Adagrad", lr: 0.2, eps: 1e-8, lrDecay: 0.01, logEvery: 7 },
        { optimizer: "Adagrad", lr: 0.1, initialAccumulatorValue: 0.5 },
      ];
      for (const opts of settings) {
        const js = trainLogistic(X, y, { ...opts, epochs: 5, backend: "js" });
        const wasm = trainLogistic(X, y, { ...opts, epochs: 5, backend: "wasm" });
        assert.equal(wasm.backend, "wasm");
        assert.equal(same(wasm.w, js.w), 0, `${JSON.stringify(opts)}: w`);
        assert.ok(Object.is(wasm.b, js.b));
        assert.equal(same(wasm.stepLoss, js.stepLoss), 0);
        assert.equal(same(wasm.epochLoss, js.epochLoss), 0);
        assert.equal(same(wasm.effectiveLr, js.effectiveLr), 0);
        assert.equal(wasm.steps, js.steps);
      }
    },
  );

  it(
    "bit for bit on SpamAssassin too: every exp and log1p of 12,000 steps is detMath's (fdlibm's)",
    { skip: !available && NO_WASM_SIMD },
    () => {
      const { X: Xs, y: ys } = loadSpamAssassin();
      for (const optimizer of ["SGD", "Adagrad"] as const) {
        const o = { optimizer, lr: optimizer === "SGD" ? 0.5 : 0.1, eps: 1e-8, epochs: 2, evaluate: false };
        const js = trainLogistic(Xs, ys, { ...o, backend: "js" });
        const wasm = trainLogistic(Xs, ys, { ...o, backend: "wasm" });
        assert.equal(same(wasm.w, js.w), 0);
        assert.equal(same(wasm.stepLoss, js.stepLoss), 0);
        assert.ok(Object.is(wasm.b, js.b));
      }
    },
  );

  it("backend 'wasm' refuses minibatches, naming the reason", () => {
    assert.throws(
      () => trainLogistic(X, y, { backend: "wasm", batchSize: 4 }),
      /batchSize 1 without weightDecay/,
    );
    assert.throws(() => trainLogistic(X, y, { backend: "gpu" as "js" }), /Invalid backend: gpu/);
  });
});

describe("trainLogistic's native kernel", () => {
  const { X, y } = problem();
  const available = nativeSparseLogisticAvailable();

  it(
    "gives the TypeScript loop's numbers bit for bit (SGD, Adagrad with lr decay, logEvery 1 and 7)",
    { skip: !available && "native kernel not built" },
    () => {
      const settings: Partial<TrainLogisticOptions>[] = [
        { optimizer: "SGD", lr: 0.3 },
        { optimizer: "SGD", lr: 2, logEvery: 7 },
        { optimizer: "Adagrad", lr: 0.2, eps: 1e-8, lrDecay: 0.01, logEvery: 7 },
        { optimizer: "Adagrad", lr: 0.1, initialAccumulatorValue: 0.5 },
      ];
      for (const opts of settings) {
        const js = trainLogistic(X, y, { ...opts, epochs: 5, backend: "js" });
        const native = trainLogistic(X, y, { ...opts, epochs: 5, backend: "native" });
        assert.equal(native.backend, "native");
        assert.equal(same(native.w, js.w), 0, `${JSON.stringify(opts)}: w`);
        assert.ok(Object.is(native.b, js.b));
        assert.equal(same(native.stepLoss, js.stepLoss), 0);
        assert.equal(same(native.epochLoss, js.epochLoss), 0);
        assert.equal(same(native.accumulator ?? [], js.accumulator ?? []), 0);
        assert.ok(Object.is(native.accumulatorB, js.accumulatorB));
        assert.equal(native.steps, js.steps);
      }
    },
  );

  it(
    "bit for bit on rows of every length from 0 to 40 (the vector loops' 8 and 4 entries and the scalar rest)",
    { skip: !available && "native kernel not built" },
    () => {
      const rows = 123;
      const cols = 60;
      const rng = seeded(3);
      const A = new Float64Array(rows * cols);
      const y = new Float64Array(rows);
      const columns = Int32Array.from({ length: cols }, (_, j) => j);
      for (let i = 0; i < rows; i++) {
        shuffle(rng, columns);
        for (let k = 0; k < i % 41; k++) A[i * cols + columns[k]] = rng.uniform() - 0.3;
        y[i] = rng.uniform() < 0.5 ? 1 : 0;
      }
      const Xl = csrFromDense(rows, cols, A);
      for (const optimizer of ["SGD", "Adagrad"] as const) {
        const o = { optimizer, lr: 0.3, eps: 1e-8, epochs: 3, logEvery: 2 };
        const js = trainLogistic(Xl, y, { ...o, backend: "js" });
        const native = trainLogistic(Xl, y, { ...o, backend: "native" });
        assert.equal(same(native.w, js.w), 0, `${optimizer}: w`);
        assert.equal(same(native.stepLoss, js.stepLoss), 0, `${optimizer}: losses`);
        assert.equal(same(native.accumulator ?? [], js.accumulator ?? []), 0, `${optimizer}: accumulator`);
        assert.ok(Object.is(native.b, js.b));
        assert.ok(Object.is(native.accumulatorB, js.accumulatorB));
      }
    },
  );

  it(
    "bit for bit on SpamAssassin too: every exp and log1p of 12,000 steps is detMath's (fdlibm's)",
    { skip: !available && "native kernel not built" },
    () => {
      const { X: Xs, y: ys } = loadSpamAssassin();
      for (const optimizer of ["SGD", "Adagrad"] as const) {
        const o = { optimizer, lr: optimizer === "SGD" ? 0.5 : 0.1, eps: 1e-8, epochs: 2, evaluate: false };
        const js = trainLogistic(Xs, ys, { ...o, backend: "js" });
        const native = trainLogistic(Xs, ys, { ...o, backend: "native" });
        assert.equal(same(native.w, js.w), 0);
        assert.equal(same(native.stepLoss, js.stepLoss), 0);
        assert.equal(same(native.accumulator ?? [], js.accumulator ?? []), 0);
        assert.ok(Object.is(native.b, js.b));
        assert.ok(Object.is(native.accumulatorB, js.accumulatorB));
      }
    },
  );

  it(
    "refuses arrays of the wrong kind or length, naming them",
    { skip: !available && "native kernel not built" },
    () => {
      const k = nativeSparseLogistic()!;
      const order = Int32Array.from({ length: X.rows }, (_, i) => i);
      const w = new Float64Array(X.cols);
      const losses = new Float64Array(X.rows);
      const io = new Float64Array(2);
      const run = (over: Partial<Record<string, unknown>>) =>
        k.sgdEpoch(
          (over.order ?? order) as Int32Array,
          X.indptr,
          X.indices,
          X.data,
          Float64Array.from(y),
          w,
          (over.losses ?? losses) as Float64Array,
          io,
          0.1,
          (over.t0 ?? 0) as number,
          1,
        );
      run({});
      assert.throws(() => run({ order: new Float64Array(X.rows) }), /argument 1 must be a Int32Array/);
      assert.throws(() => run({ order: order.subarray(1) }), /disagree on the rows/);
      assert.throws(() => run({ order: order.map(() => X.rows) }), /row out of range/);
      assert.throws(() => run({ losses: new Float64Array(3) }), /losses too short/);
      assert.throws(() => run({ t0: 1.5 }), /t0 and logEvery must be integers/);
      assert.throws(() => trainLogistic(X, y, { backend: "native", batchSize: 3 }), /batchSize 1 without/);
    },
  );
});
