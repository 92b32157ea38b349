import type { Matrix, Optimizer } from "../core/types";
import { seeded, randn, shuffle } from "../core/random";
import { checkInteger, checkNonNegative, checkOptionKeys } from "../core/validate";
import { linearRegressionLossGrad } from "./linearRegressionLossGrad";

/** Options of {@link trainLinearRegression}: D2L's `train_ch11` set-up by default. */
export interface TrainLinearRegressionOptions {
  /** Samples per minibatch; the last minibatch of an epoch holds the remainder. Default 10. */
  batchSize: number;
  /** Passes over the data. Default 2. */
  epochs: number;
  /** Seed of the initial weights and of the per-epoch shuffles. Default 0. */
  seed: number;
  /** w ~ N(0, initStd²), b = 0. Default 0.01. */
  initStd: number;
  /** Evaluate the full-data loss whenever the number of samples seen is a multiple of this. Default 200. */
  evalEvery: number;
  /** Shuffle before every epoch. Default true. */
  shuffle: boolean;
}

/** What {@link trainLinearRegression} returns. */
export interface TrainLinearRegressionResult {
  /** Final parameters θ = [w, b] (length d + 1). */
  params: Float64Array;
  /** Samples seen at each evaluation: 0 (before training), then every `evalEvery`, and the end. */
  evalSamples: Float64Array;
  /** The same in epochs (samples / rows): D2L's x axis. */
  evalEpochs: Float64Array;
  /** Full-data mean loss at each evaluation. */
  evalLoss: Float64Array;
  /** The minibatch loss of every step, taken before its update. */
  stepLoss: Float64Array;
  /** The full-data loss after training (the last of evalLoss). */
  finalLoss: number;
  /** Number of optimizer steps. */
  steps: number;
}

/** Defaults: D2L's `train_ch11(trainer_fn, states, hyperparams, data_iter, feature_dim, num_epochs=2)`. */
export const TRAIN_LINEAR_REGRESSION_DEFAULTS: TrainLinearRegressionOptions = {
  batchSize: 10,
  epochs: 2,
  seed: 0,
  initStd: 0.01,
  evalEvery: 200,
  shuffle: true,
};

/**
 * Trains linear regression ŷ = x·w + b with squared loss (ŷ − y)²/2 by minibatch steps of any library
 * optimizer on θ = [w, b], as D2L's `train_ch11`: w ~ N(0, 0.01²), b = 0; each epoch shuffles the rows
 * and sweeps them in minibatches B_t; the full-data loss is evaluated every 200 samples.
 * $$\begin{aligned}
 * g_t &\leftarrow \nabla_\theta \tfrac{1}{|B_t|} \textstyle\sum_{i \in B_t} (x_i^\top w + b - y_i)^2 / 2 \\
 * \theta_t &\leftarrow \text{optimizer.step}(\theta_{t-1}, g_t)
 * \end{aligned}$$
 * D2L's scratch Adagrad is `adagrad({ lr: 0.1, eps: 1e-6, epsInside: true })`; its scratch SGD is `sgd({ lr })`.
 *
 * @example
 * const { X, y } = loadAirfoil();
 * trainLinearRegression(X, y, adagrad({ lr: 0.1, eps: 1e-6, epsInside: true })).finalLoss; //=> about 0.242
 */
export function trainLinearRegression<S>(
  X: Matrix,
  y: ArrayLike<number>,
  optimizer: Optimizer<S, unknown>,
  options: Partial<TrainLinearRegressionOptions> = {},
): TrainLinearRegressionResult {
  checkOptionKeys("trainLinearRegression", options, {
    batchSize: true,
    epochs: true,
    seed: true,
    initStd: true,
    evalEvery: true,
    shuffle: true,
  });
  const o = { ...TRAIN_LINEAR_REGRESSION_DEFAULTS, ...options };
  checkInteger("batch size", o.batchSize, 1);
  checkInteger("number of epochs", o.epochs, 0);
  checkInteger("evalEvery", o.evalEvery, 1);
  checkNonNegative("initStd", o.initStd);
  if (y.length !== X.rows)
    throw new RangeError(`Mismatched lengths for y and X: ${y.length} and ${X.rows} rows`);
  const n = X.rows;
  const d = X.cols;
  const rng = seeded(o.seed);
  const params = new Float64Array(d + 1);
  randn(rng, params.subarray(0, d), 0, o.initStd);
  const grad = new Float64Array(d + 1);
  const state = optimizer.init(params);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const batches = Math.ceil(n / o.batchSize);
  const stepLoss = new Float64Array(batches * o.epochs);
  const evalSamples: number[] = [0];
  const evalLoss: number[] = [linearRegressionLossGrad(X, y, params, null)];
  let seen = 0;
  let t = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    if (o.shuffle) shuffle(rng, order);
    for (let start = 0; start < n; start += o.batchSize) {
      const count = Math.min(o.batchSize, n - start);
      stepLoss[t++] = linearRegressionLossGrad(X, y, params, grad, order, start, count);
      optimizer.step(params, grad, state);
      const before = seen;
      seen += count;
      if (Math.floor(seen / o.evalEvery) > Math.floor(before / o.evalEvery)) {
        evalSamples.push(seen);
        evalLoss.push(linearRegressionLossGrad(X, y, params, null));
      }
    }
  }
  if (evalSamples[evalSamples.length - 1] !== seen) {
    evalSamples.push(seen);
    evalLoss.push(linearRegressionLossGrad(X, y, params, null));
  }
  return {
    params,
    evalSamples: Float64Array.from(evalSamples),
    evalEpochs: Float64Array.from(evalSamples, (s) => s / n),
    evalLoss: Float64Array.from(evalLoss),
    stepLoss,
    finalLoss: evalLoss[evalLoss.length - 1],
    steps: t,
  };
}
