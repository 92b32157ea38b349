/**
 * Per-sample (or minibatch) logistic regression on sparse features, trained by SGD or Adagrad with
 * sparse updates: a step touches only the non-zero features of its samples, so an epoch costs O(nnz)
 * rather than O(rows x cols). This is the lecture's RCV1 experiment (lecture §3) at full speed.
 */
import type { CSR } from "./csr";
import { csrColumnCounts, csrValidate } from "./csr";
import { logisticEvaluate, sigmoid } from "./logistic";
import { seeded, randn, shuffle } from "../core/random";
import { checkInteger, checkNonNegative, checkOptionKeys } from "../core/validate";
import { createSparseLogisticWorkspace, wasmSparseLogisticAvailable } from "./wasmSparseLogistic";
import { nativeSparseLogistic, type NativeSparseLogistic } from "./nativeSparseLogistic";
import { ADAGRAD_DEFAULTS } from "../optim/adagrad";
import { detMath } from "../core/detMath";

/** Options of {@link trainLogistic}: torch's names and defaults where torch has the option. */
export interface TrainLogisticOptions {
  /** torch's class name: "SGD" (torch.optim.SGD without momentum) or "Adagrad". Default "SGD". */
  optimizer: "SGD" | "Adagrad";
  /** Learning rate γ. Default 0.01 (torch's Adagrad default; the lecture uses 0.01 for SGD, 0.1 for Adagrad). */
  lr: number;
  /** Passes over the data. Default 1 (the lecture: 20). */
  epochs: number;
  /** Samples per step; the loss is their mean (torch's reduction "mean"). Default 1 (per-sample). */
  batchSize: number;
  /** Adagrad's ε, added outside the root. Default 1e-10 (torch); the lecture uses 1e-8. */
  eps: number;
  /** Adagrad's lr decay η: the step-t rate is γ / (1 + (t − 1) η). Default 0. */
  lrDecay: number;
  /** Adagrad's initial accumulator value s₀. Default 0. */
  initialAccumulatorValue: number;
  /** L2 penalty λ on the weights w (not the bias). Default 0. See the note on lazy updates. */
  weightDecay: number;
  /** Seed of the initial weights and of the per-epoch shuffles. Default 0. */
  seed: number;
  /** Standard deviation of the initial weights, w ~ N(0, initStd²); b = 0. Default 0.01. */
  initStd: number;
  /** Shuffle the samples before every epoch (seeded). Default true. */
  shuffle: boolean;
  /** Record the loss of every `logEvery`-th step (before its update). Default 1: every step. */
  logEvery: number;
  /** Compute the full-data loss and accuracy before training and after every epoch. Default true. */
  evaluate: boolean;
  /**
   * "auto" (default): for per-sample training without weight decay, the native kernel where `npm install`
   * built it (lib/native/sparseLogistic.c), else the WebAssembly kernel where it runs, else TypeScript;
   * "native", "wasm" or "js" to choose. The native kernel gives the TypeScript loop's numbers bit for bit;
   * the WebAssembly one agrees to 1e-12 (its exp and log1p are AssemblyScript's, not V8's).
   */
  backend: "auto" | "native" | "wasm" | "js";
  /** Initial weights (copied), instead of the N(0, initStd²) draw. */
  w0?: Float64Array;
  /** Initial bias. Default 0. */
  b0?: number;
}

/** What {@link trainLogistic} returns. */
export interface TrainLogisticResult {
  /** Final weights (length cols) and bias. */
  w: Float64Array;
  b: number;
  /** Number of optimizer steps taken. */
  steps: number;
  /** Full-data mean loss before training (index 0) and after each epoch (index e); empty if evaluate is false. */
  epochLoss: Float64Array;
  /** Full-data accuracy, indexed as epochLoss. */
  epochAccuracy: Float64Array;
  /** Loss of the minibatch of step k·logEvery (k = 0, 1, ...), taken before that step's update. */
  stepLoss: Float64Array;
  /** The logEvery used for stepLoss. */
  logEvery: number;
  /** Per feature: number of steps whose minibatch had a stored entry in that feature (its updates). */
  updateCounts: Int32Array;
  /**
   * Per feature: the learning rate of its next update. SGD: γ for every feature. Adagrad:
   * γ_t / (√s_j + ε), small for frequent features, large for rare ones.
   */
  effectiveLr: Float64Array;
  /** Adagrad's accumulator s (length cols) and the bias's, or null for SGD. */
  accumulator: Float64Array | null;
  accumulatorB: number;
  /** Which implementation ran the epochs: the native kernel, the WebAssembly kernel or TypeScript. */
  backend: "native" | "wasm" | "js";
  /** The options used, defaults filled in (without w0). */
  options: Omit<TrainLogisticOptions, "w0">;
}

/** Defaults of {@link trainLogistic}: the optimizer's options are readable Adagrad's (torch's). */
export const TRAIN_LOGISTIC_DEFAULTS: Omit<TrainLogisticOptions, "w0" | "b0"> = {
  optimizer: "SGD",
  lr: ADAGRAD_DEFAULTS.lr,
  epochs: 1,
  batchSize: 1,
  eps: ADAGRAD_DEFAULTS.eps,
  lrDecay: ADAGRAD_DEFAULTS.lrDecay,
  initialAccumulatorValue: ADAGRAD_DEFAULTS.initialAccumulatorValue,
  weightDecay: ADAGRAD_DEFAULTS.weightDecay,
  seed: 0,
  initStd: 0.01,
  shuffle: true,
  logEvery: 1,
  evaluate: true,
  backend: "auto",
};

/**
 * Trains logistic regression min_{w,b} mean_i ℓ(w·x_i + b, y_i) (BCE with logits, labels y_i in {0, 1})
 * with sparse SGD or Adagrad. Step t takes minibatch B_t (a slice of a seeded shuffle), with
 * residuals r_i = σ(w·x_i + b) − y_i:
 *
 * $$\begin{aligned}
 * g_t &\leftarrow \tfrac{1}{|B_t|} \textstyle\sum_{i \in B_t} r_i x_i \quad (\text{non-zero only on the features of } B_t) \\
 * \textbf{SGD:}\quad \theta_t &\leftarrow \theta_{t-1} - \gamma\,(g_t + \lambda\theta_{t-1}) \\
 * \textbf{Adagrad:}\quad \tilde\gamma &\leftarrow \gamma / (1 + (t - 1)\eta) \\
 * g_t &\leftarrow g_t + \lambda\theta_{t-1} \\
 * s_t &\leftarrow s_{t-1} + g_t^2 \\
 * \theta_t &\leftarrow \theta_{t-1} - \tilde\gamma\, g_t / (\sqrt{s_t} + \epsilon)
 * \end{aligned}$$
 *
 * (the bias b gets the same update with its own accumulator and λ = 0). These are torch's SGD and Adagrad
 * (default eps 1e-10 outside the root) applied to the parameters [w, b].
 *
 * **Lazy (sparse) updates.** A step updates only the features of its minibatch. For λ = 0 this is exactly
 * the dense update: a feature with g_j = 0 keeps s_j and θ_j in both SGD and Adagrad (and the lr decay
 * depends only on t). With weight decay every weight changes every step. SGD stays exact and sparse by
 * the scaling trick: w = c·v with c ← (1 − γλ)c each step, so the decay of all weights is one multiply
 * (v is renormalised when c gets small; requires γλ < 1). For Adagrad with λ > 0 the decay also feeds
 * s_j, a non-linear recursion with no closed form, so this function then does the exact dense update of
 * every weight at every step (O(cols) per step: correct, but as slow as the lecture's dense tensors).
 *
 * @example
 * const { X, y } = loadSpamAssassin();
 * const sgd = trainLogistic(X, y, { optimizer: "SGD", lr: 0.01, epochs: 20 });
 * const ada = trainLogistic(X, y, { optimizer: "Adagrad", lr: 0.1, epochs: 20, eps: 1e-8 });
 * [sgd.epochLoss[20], ada.epochLoss[20]]; //=> [0.1562, 0.0126] full-data losses after 20 epochs
 * [sgd.epochAccuracy[20], ada.epochAccuracy[20]]; //=> [0.9608, 0.9992]
 * // (asserted in test/lib/data/loadSpamAssassin.test.ts)
 */
export function trainLogistic(
  X: CSR,
  y: ArrayLike<number>,
  options: Partial<TrainLogisticOptions> = {},
): TrainLogisticResult {
  checkOptionKeys("trainLogistic", options, { ...TRAIN_LOGISTIC_DEFAULTS, w0: null, b0: 0 });
  const o = { ...TRAIN_LOGISTIC_DEFAULTS, ...options };
  validateOptions(o);
  csrValidate(X);
  if (y.length !== X.rows)
    throw new RangeError(`Mismatched lengths: X has ${X.rows} rows, y has ${y.length}`);
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) {
      throw new RangeError(
        `Invalid label at index ${i}: ${y[i]} (expected 0 or 1; read ±1 files with binary: true)`,
      );
    }
  }
  const labels = Float64Array.from(y);
  const rng = seeded(o.seed);
  const d = X.cols;
  const n = X.rows;
  let w: Float64Array;
  if (o.w0 !== undefined) {
    if (o.w0.length !== d) throw new RangeError(`Invalid w0 length: ${o.w0.length} (expected cols = ${d})`);
    w = Float64Array.from(o.w0);
  } else {
    w = randn(rng, new Float64Array(d), 0, o.initStd);
  }
  const state: TrainState = {
    w,
    b: o.b0 ?? 0,
    scale: 1,
    s: o.optimizer === "Adagrad" ? new Float64Array(d).fill(o.initialAccumulatorValue) : null,
    sb: o.initialAccumulatorValue,
    t: 0,
  };
  const stepsPerEpoch = Math.ceil(n / o.batchSize);
  const totalSteps = stepsPerEpoch * o.epochs;
  const stepLoss = new Float64Array(Math.ceil(totalSteps / o.logEvery));
  const epochLoss = new Float64Array(o.evaluate ? o.epochs + 1 : 0);
  const epochAccuracy = new Float64Array(o.evaluate ? o.epochs + 1 : 0);
  const record = (e: number): void => {
    if (!o.evaluate) return;
    const m = logisticEvaluate(X, labels, state.w, state.b);
    epochLoss[e] = m.loss;
    epochAccuracy[e] = m.accuracy;
  };
  record(0);

  const perSample = o.batchSize === 1 && o.weightDecay === 0;
  const native: NativeSparseLogistic | null =
    perSample && (o.backend === "auto" || o.backend === "native") ? nativeSparseLogistic() : null;
  if (o.backend === "native" && native === null) {
    throw new Error(
      perSample
        ? "The native kernel is unavailable here (lib/native/build/sparseLogistic.node: npm run build:native)"
        : "The native kernel runs batchSize 1 without weightDecay only; use backend: 'auto' or 'js'",
    );
  }
  const wasmOk =
    native === null &&
    perSample &&
    (o.backend === "auto" || o.backend === "wasm") &&
    wasmSparseLogisticAvailable();
  if (o.backend === "wasm" && !wasmOk) {
    throw new Error(
      perSample
        ? "The WebAssembly kernel is unavailable here (needs WebAssembly SIMD and lib/wasm/sparseLogistic.wasm)"
        : "The WebAssembly kernel runs batchSize 1 without weightDecay only; use backend: 'auto' or 'js'",
    );
  }
  // The native kernel's bias (and Adagrad's bias accumulator), read and written by each epoch.
  const io = new Float64Array(2);
  // The WebAssembly path keeps X, y, w, s and the row order in its own memory; w and s are copied out at the end.
  const ws = wasmOk ? createSparseLogisticWorkspace(X, labels, o.logEvery) : null;
  if (ws !== null) {
    ws.w.set(w);
    state.w = ws.w;
    if (state.s !== null) {
      ws.s.set(state.s);
      state.s = ws.s;
    }
  }
  const order = ws !== null ? ws.order : new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const updateCounts = perSample ? new Int32Array(0) : new Int32Array(d);
  const work = perSample ? null : new BatchWork(d, o.batchSize);
  for (let e = 1; e <= o.epochs; e++) {
    if (o.shuffle) shuffle(rng, order);
    if (ws !== null) {
      const t0 = state.t;
      const logBase = Math.ceil(t0 / o.logEvery);
      if (o.optimizer === "SGD") {
        state.b = ws.sgdEpoch(o.lr, state.b, o.logEvery, logBase, t0);
      } else {
        const r = ws.adagradEpoch(o.lr, o.lrDecay, o.eps, state.b, state.sb, o.logEvery, logBase, t0);
        state.b = r.b;
        state.sb = r.sb;
      }
      state.t += n;
      const logged = Math.floor((t0 + n - 1) / o.logEvery) - logBase + 1;
      if (logged > 0) stepLoss.set(ws.losses.subarray(0, logged), logBase);
    } else if (native !== null) {
      io[0] = state.b;
      io[1] = state.sb;
      if (o.optimizer === "SGD") {
        native.sgdEpoch(
          order,
          X.indptr,
          X.indices,
          X.data,
          labels,
          w,
          stepLoss,
          io,
          o.lr,
          state.t,
          o.logEvery,
        );
      } else {
        native.adagradEpoch(
          order,
          X.indptr,
          X.indices,
          X.data,
          labels,
          w,
          stepLoss,
          io,
          state.s as Float64Array,
          o.lr,
          o.lrDecay,
          o.eps,
          state.t,
          o.logEvery,
        );
      }
      state.b = io[0];
      state.sb = io[1];
      state.t += n;
    } else if (perSample && o.optimizer === "SGD") {
      sgdEpoch(X, labels, order, state, o.lr, stepLoss, o.logEvery);
    } else if (perSample) {
      adagradEpoch(X, labels, order, state, o.lr, o.lrDecay, o.eps, stepLoss, o.logEvery);
    } else {
      batchEpoch(X, labels, order, state, o, work as BatchWork, updateCounts, stepLoss);
    }
    record(e);
  }
  if (ws !== null) {
    w = ws.w.slice();
    state.w = w;
    if (state.s !== null) state.s = ws.s.slice();
  }
  if (state.scale !== 1) {
    for (let j = 0; j < d; j++) w[j] *= state.scale;
    state.scale = 1;
  }
  // Per-sample training updates feature j once per row containing it, every epoch.
  const counts = perSample ? csrColumnCounts(X) : updateCounts;
  if (perSample) for (let j = 0; j < d; j++) counts[j] *= o.epochs;
  const lastLr = o.lr / (1 + Math.max(state.t - 1, 0) * (o.optimizer === "Adagrad" ? o.lrDecay : 0));
  const effectiveLr = new Float64Array(d);
  const s = state.s;
  for (let j = 0; j < d; j++) effectiveLr[j] = s === null ? lastLr : lastLr / (Math.sqrt(s[j]) + o.eps);
  const { w0: _w0, ...used } = o;
  return {
    w,
    b: state.b,
    steps: state.t,
    epochLoss,
    epochAccuracy,
    stepLoss,
    logEvery: o.logEvery,
    updateCounts: counts,
    effectiveLr,
    accumulator: s,
    accumulatorB: s === null ? 0 : state.sb,
    backend: native !== null ? "native" : ws !== null ? "wasm" : "js",
    options: used,
  };
}

interface TrainState {
  /** Weights are scale * w (the scaling trick of SGD with weight decay; scale = 1 otherwise). */
  w: Float64Array;
  b: number;
  scale: number;
  s: Float64Array | null;
  sb: number;
  /** Steps taken. */
  t: number;
}

/**
 * One epoch of per-sample SGD without weight decay: the hot loop, and the readable reference of the native
 * and WebAssembly kernels. Why not the readable `sgd` of lib/src/optim/sgd.ts: its step updates every
 * coordinate, O(cols) per sample; here a step touches only the row's non-zero features (the lazy, sparse
 * update, exact since the other gradients are 0), O(nnz of the row). The update per feature is the same,
 * θ_j ← θ_j − γ g_j.
 */
function sgdEpoch(
  X: CSR,
  y: Float64Array,
  order: Int32Array,
  st: TrainState,
  lr: number,
  stepLoss: Float64Array,
  logEvery: number,
): void {
  const { indptr, indices, data } = X;
  const w = st.w;
  let b = st.b;
  let t = st.t;
  for (let p = 0; p < order.length; p++) {
    const i = order[p];
    const start = indptr[i];
    const end = indptr[i + 1];
    const z = b + dot(indices, data, start, end, w);
    const yi = y[i];
    // One exponential for both the loss and σ(z) (the same values as bceWithLogits and sigmoid).
    const e = detMath.exp(-Math.abs(z));
    if (t % logEvery === 0) stepLoss[t / logEvery] = Math.max(z, 0) - z * yi + detMath.log1p(e);
    const step = lr * ((z >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi);
    for (let k = start; k < end; k++) w[indices[k]] -= step * data[k];
    b -= step;
    t++;
  }
  st.b = b;
  st.t = t;
}

/**
 * One epoch of per-sample Adagrad without weight decay: the hot loop, and the readable reference of the
 * native and WebAssembly kernels. As sgdEpoch, the lazy form of lib/src/optim/adagrad.ts's update: only the row's
 * features are touched (a zero gradient leaves s_j and θ_j unchanged), with the same per-feature
 * operations, s_j ← s_j + g_j², θ_j ← θ_j − γ̃ g_j / (√s_j + ε).
 */
function adagradEpoch(
  X: CSR,
  y: Float64Array,
  order: Int32Array,
  st: TrainState,
  lr: number,
  lrDecay: number,
  eps: number,
  stepLoss: Float64Array,
  logEvery: number,
): void {
  const { indptr, indices, data } = X;
  const w = st.w;
  const s = st.s as Float64Array;
  let b = st.b;
  let sb = st.sb;
  let t = st.t;
  for (let p = 0; p < order.length; p++) {
    const i = order[p];
    const start = indptr[i];
    const end = indptr[i + 1];
    const z = b + dot(indices, data, start, end, w);
    const yi = y[i];
    const e = detMath.exp(-Math.abs(z));
    if (t % logEvery === 0) stepLoss[t / logEvery] = Math.max(z, 0) - z * yi + detMath.log1p(e);
    const r = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi;
    t++;
    const clr = lrDecay === 0 ? lr : lr / (1 + (t - 1) * lrDecay);
    for (let k = start; k < end; k++) {
      const j = indices[k];
      const g = r * data[k];
      const sj = s[j] + g * g;
      s[j] = sj;
      w[j] -= (clr * g) / (Math.sqrt(sj) + eps);
    }
    sb += r * r;
    b -= (clr * r) / (Math.sqrt(sb) + eps);
  }
  st.b = b;
  st.sb = sb;
  st.t = t;
}

/**
 * Σ_k data[k] w[indices[k]] over k in [start, end), with two partial sums: the loop is bound by the
 * latency of the additions, and two independent chains run about twice as fast. (The order of the
 * additions differs from a sequential sum by rounding only; torch's dense dot has its own order too.)
 */
function dot(indices: Int32Array, data: Float64Array, start: number, end: number, w: Float64Array): number {
  let z0 = 0;
  let z1 = 0;
  let k = start;
  for (; k + 1 < end; k += 2) {
    z0 += data[k] * w[indices[k]];
    z1 += data[k + 1] * w[indices[k + 1]];
  }
  if (k < end) z0 += data[k] * w[indices[k]];
  return z0 + z1;
}

/** Scratch space of the minibatch path: a dense gradient buffer and the list of touched features. */
class BatchWork {
  readonly g: Float64Array;
  readonly touched: Int32Array;
  readonly mark: Uint8Array;
  readonly r: Float64Array;
  constructor(d: number, batchSize: number) {
    this.g = new Float64Array(d);
    this.touched = new Int32Array(d);
    this.mark = new Uint8Array(d);
    this.r = new Float64Array(batchSize);
  }
}

/**
 * One epoch of minibatch steps (any batch size, any weight decay): residuals of the whole batch first
 * (all at θ_{t−1}), then the gradient on the union of the batch's features, then the update.
 */
function batchEpoch(
  X: CSR,
  y: Float64Array,
  order: Int32Array,
  st: TrainState,
  o: TrainLogisticOptions,
  work: BatchWork,
  counts: Int32Array,
  stepLoss: Float64Array,
): void {
  const { indptr, indices, data } = X;
  const { g, touched, mark, r } = work;
  const w = st.w;
  const d = X.cols;
  const adagrad = o.optimizer === "Adagrad";
  const s = st.s as Float64Array;
  const lambda = o.weightDecay;
  const decay = 1 - o.lr * lambda;
  for (let p0 = 0; p0 < order.length; p0 += o.batchSize) {
    const p1 = Math.min(p0 + o.batchSize, order.length);
    const m = p1 - p0;
    let loss = 0;
    let gb = 0;
    for (let p = p0; p < p1; p++) {
      const i = order[p];
      let z = 0;
      for (let k = indptr[i]; k < indptr[i + 1]; k++) z += data[k] * w[indices[k]];
      z = st.scale * z + st.b;
      loss += Math.max(z, 0) - z * y[i] + detMath.log1p(detMath.exp(-Math.abs(z)));
      r[p - p0] = sigmoid(z) - y[i];
      gb += r[p - p0];
    }
    if (st.t % o.logEvery === 0) stepLoss[st.t / o.logEvery] = loss / m;
    gb /= m;
    // g ← (1/m) Σ r_i x_i on the touched features only.
    let nTouched = 0;
    for (let p = p0; p < p1; p++) {
      const i = order[p];
      const ri = r[p - p0] / m;
      for (let k = indptr[i]; k < indptr[i + 1]; k++) {
        const j = indices[k];
        if (mark[j] === 0) {
          mark[j] = 1;
          touched[nTouched++] = j;
        }
        g[j] += ri * data[k];
      }
    }
    st.t++;
    if (!adagrad) {
      // Scaling trick: θ ← (1 − γλ)θ − γg as c ← (1 − γλ)c, v_j ← v_j − γ g_j / c.
      st.scale *= decay;
      const step = o.lr / st.scale;
      for (let q = 0; q < nTouched; q++) {
        const j = touched[q];
        w[j] -= step * g[j];
      }
      st.b -= o.lr * gb;
      if (st.scale < 1e-100 || st.scale > 1e100) {
        for (let j = 0; j < d; j++) w[j] *= st.scale;
        st.scale = 1;
      }
    } else {
      const clr = o.lr / (1 + (st.t - 1) * o.lrDecay);
      if (lambda !== 0) {
        // Exact dense update: weight decay makes every g_j non-zero.
        for (let j = 0; j < d; j++) {
          const gj = g[j] + lambda * w[j];
          s[j] += gj * gj;
          w[j] -= (clr * gj) / (Math.sqrt(s[j]) + o.eps);
        }
      } else {
        for (let q = 0; q < nTouched; q++) {
          const j = touched[q];
          const gj = g[j];
          s[j] += gj * gj;
          w[j] -= (clr * gj) / (Math.sqrt(s[j]) + o.eps);
        }
      }
      st.sb += gb * gb;
      st.b -= (clr * gb) / (Math.sqrt(st.sb) + o.eps);
    }
    for (let q = 0; q < nTouched; q++) {
      const j = touched[q];
      g[j] = 0;
      mark[j] = 0;
      counts[j]++;
    }
  }
}

function validateOptions(o: TrainLogisticOptions): void {
  if (o.backend !== "auto" && o.backend !== "native" && o.backend !== "wasm" && o.backend !== "js") {
    throw new RangeError(`Invalid backend: ${String(o.backend)} (expected "auto", "native", "wasm" or "js")`);
  }
  if (o.optimizer !== "SGD" && o.optimizer !== "Adagrad") {
    throw new RangeError(`Invalid optimizer: ${String(o.optimizer)} (expected "SGD" or "Adagrad")`);
  }
  checkNonNegative("learning rate", o.lr);
  checkInteger("number of epochs", o.epochs, 0);
  checkInteger("batch size", o.batchSize, 1);
  checkNonNegative("epsilon value", o.eps);
  checkNonNegative("lr_decay value", o.lrDecay);
  checkNonNegative("initial_accumulator_value", o.initialAccumulatorValue);
  checkNonNegative("weight_decay value", o.weightDecay);
  checkNonNegative("initStd", o.initStd);
  checkInteger("logEvery", o.logEvery, 1);
  if (o.optimizer === "SGD" && o.lr * o.weightDecay >= 1) {
    throw new RangeError(`Invalid lr * weight_decay: ${o.lr * o.weightDecay} (must be < 1)`);
  }
  if (o.optimizer === "Adagrad" && o.eps === 0 && o.initialAccumulatorValue === 0) {
    // A feature whose first gradient is 0 would give 0 / 0.
    throw new RangeError(`Invalid epsilon value: 0 (needs eps > 0 or initialAccumulatorValue > 0)`);
  }
}
