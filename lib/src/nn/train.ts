import { seeded, shuffle } from "../core/random";
import { checkInteger, checkNonNegative, checkOptionKeys, checkUnitInterval } from "../core/validate";
import type { LabeledImages } from "../data/loadFashionMnist";
import type { Mlp } from "./mlp";
import { mlpLossAndGrad } from "./mlpLossAndGrad";
import { evaluateMlp } from "./evaluateMlp";
import { sgdStep32 } from "./sgdStep32";
import { adagradStep32 } from "./adagradStep32";
import { rmspropStep32 } from "./rmspropStep32";
import { ADAGRAD_DEFAULTS } from "../optim/adagrad";
import { ADAM_DEFAULTS } from "../optim/adam";
import { RMSPROP_DEFAULTS } from "../optim/rmsprop";
import { SGD_DEFAULTS } from "../optim/sgd";

/** The optimizers `train` runs, by torch's class names (the registry's): momentum is SGD's `momentum` option. */
export type TrainOptimizer = "SGD" | "Adagrad" | "RMSprop" | "Adam";

/** Reported by `train` every `progressEvery` batches and at the end of each epoch. */
export interface TrainProgress {
  /** 1-based epoch. */
  epoch: number;
  epochs: number;
  /** Batches done in this epoch, of `batches`. */
  batch: number;
  batches: number;
  /** Mean training loss over this epoch's batches so far. */
  trainLoss: number;
  /** Seconds since training started. */
  seconds: number;
  /** Test accuracy, at the end of an epoch when test data was given. */
  testAccuracy?: number;
}

export interface TrainOptions {
  optimizer: TrainOptimizer;
  /** Learning rate. torch's defaults: Adagrad 0.01, RMSprop 0.01, Adam 0.001; SGD has none (required). */
  lr?: number;
  /** Minibatch size (default 64); the last batch of an epoch holds the remainder. */
  batchSize?: number;
  /** Passes over the training set (default 1). */
  epochs?: number;
  /** Seed of the minibatch shuffling (default 0). The initialization's seed is the model's. */
  seed?: number;
  /** SGD momentum mu (default 0, as torch's). */
  momentum?: number;
  /** SGD dampening (default 0). */
  dampening?: number;
  /** SGD Nesterov momentum (default false). */
  nesterov?: boolean;
  /** Adam betas (default [0.9, 0.999]). */
  betas?: [number, number];
  /** RMSprop smoothing constant (default 0.99). */
  alpha?: number;
  /** Epsilon: torch's defaults, Adagrad 1e-10, RMSprop 1e-8, Adam 1e-8. */
  eps?: number;
  /** L2 penalty added to the gradient, torch's weight_decay (default 0). */
  weightDecay?: number;
  /** Adagrad's learning-rate decay (default 0). */
  lrDecay?: number;
  /** Adagrad's starting value of the accumulator s (default 0). */
  initialAccumulatorValue?: number;
  /** Called with the progress every this many batches (default 50) and at each epoch's end. */
  progressEvery?: number;
  onProgress?: (progress: TrainProgress) => void;
}

/** sqrt(s) of Adagrad's accumulator for one layer's weights and biases (for a histogram). */
export interface LayerSqrtS {
  layer: number;
  W: Float32Array;
  b: Float32Array;
}

export interface TrainResult {
  optimizer: TrainOptimizer;
  /** The options used, defaults filled in. */
  config: Required<Omit<TrainOptions, "onProgress">>;
  /** Mean training loss of each epoch (mean over its minibatches, weighted by their sizes). */
  trainLoss: number[];
  /** Test accuracy and loss after each epoch (empty without test data). */
  testAccuracy: number[];
  testLoss: number[];
  /** Wall-clock seconds of each epoch's training (evaluation excluded). */
  epochSeconds: number[];
  /** Adagrad only: sqrt(s) per layer at the end of training. */
  adagradSqrtS?: LayerSqrtS[];
}

/**
 * The learning rate and ε of each optimizer by default: the readable optimizers' (torch's), whose other
 * defaults `trainConfig` takes too. SGD has no default learning rate (torch 1.13's) and no ε.
 */
const DEFAULTS: Record<TrainOptimizer, { lr: number; eps: number }> = {
  SGD: { lr: NaN, eps: 0 },
  Adagrad: ADAGRAD_DEFAULTS,
  RMSprop: RMSPROP_DEFAULTS,
  Adam: ADAM_DEFAULTS,
};

/** The keys of {@link TrainOptions} (the compiler checks the list against it). */
const TRAIN_OPTION_KEYS: Record<keyof TrainOptions, true> = {
  optimizer: true,
  lr: true,
  batchSize: true,
  epochs: true,
  seed: true,
  momentum: true,
  dampening: true,
  nesterov: true,
  betas: true,
  alpha: true,
  eps: true,
  weightDecay: true,
  lrDecay: true,
  initialAccumulatorValue: true,
  progressEvery: true,
  onProgress: true,
};

/**
 * Trains `model` in place on `data.train` by minibatch gradient descent with one of four optimizers (the
 * fused float32 steps of this folder, torch's formulas and defaults), reshuffling the training set each
 * epoch with a seeded generator; evaluates on `data.test` after every epoch when it is given. The same
 * model seed, options and data give the same numbers.
 *
 * @example
 * const data = loadFashionMnist();
 * const model = createMlp({ sizes: [784, 128, 10], seed: 0 });
 * const r = train(model, data, { optimizer: "Adam", lr: 0.001, epochs: 3 });
 * r.testAccuracy; //=> [ 0.8417, 0.8383, 0.8653 ] on the full set (`npx tsx bench/mlp.ts --accuracy`)
 */
export function train(
  model: Mlp,
  data: { train: LabeledImages; test?: LabeledImages },
  options: TrainOptions,
): TrainResult {
  checkOptionKeys("train", options, TRAIN_OPTION_KEYS);
  const config = trainConfig(options);
  const { batchSize, epochs, seed, progressEvery } = config;
  if (batchSize > model.maxBatch) {
    throw new RangeError(
      `Invalid batch size: ${batchSize} (the model holds ${model.maxBatch}; createMlp({ maxBatch }))`,
    );
  }
  const { images, labels, count } = data.train;
  if (!(count >= 1)) throw new RangeError(`Invalid training set: ${count} images`);
  const n0 = model.sizes[0];
  if (images.length !== count * n0) {
    throw new RangeError(
      `Training images have ${images.length} values, ${count} rows of ${n0} need ${count * n0}`,
    );
  }
  const [a, b] = model.workspace.state;
  a.fill(config.optimizer === "Adagrad" ? config.initialAccumulatorValue : 0);
  b.fill(0);
  const step = stepper(config, a, b, model);

  const rng = seeded(seed);
  const order = Int32Array.from({ length: count }, (_, i) => i);
  const batchLabels = new Int32Array(batchSize);
  const x = model.workspace.x;
  const batches = Math.ceil(count / batchSize);
  const result: TrainResult = {
    optimizer: config.optimizer,
    config,
    trainLoss: [],
    testAccuracy: [],
    testLoss: [],
    epochSeconds: [],
  };
  const t0 = performance.now();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const e0 = performance.now();
    shuffle(rng, order);
    let sum = 0;
    let seen = 0;
    for (let k = 0; k < batches; k++) {
      const start = k * batchSize;
      const c = Math.min(batchSize, count - start);
      for (let r = 0; r < c; r++) {
        const idx = order[start + r];
        const from = idx * n0;
        const to = r * n0;
        x.set(images.subarray(from, from + n0), to); // a memory copy: faster than a loop despite the view
        batchLabels[r] = labels[idx];
      }
      const loss = mlpLossAndGrad(model, x, batchLabels, c);
      if (!Number.isFinite(loss)) {
        throw new RangeError(
          `Training diverged: loss ${loss} at epoch ${epoch}, batch ${k + 1} (lower lr ${config.lr})`,
        );
      }
      step();
      sum += loss * c;
      seen += c;
      if (options.onProgress && (k + 1) % progressEvery === 0 && k + 1 < batches) {
        options.onProgress({
          epoch,
          epochs,
          batch: k + 1,
          batches,
          trainLoss: sum / seen,
          seconds: (performance.now() - t0) / 1000,
        });
      }
    }
    result.epochSeconds.push((performance.now() - e0) / 1000);
    result.trainLoss.push(sum / seen);
    const progress: TrainProgress = {
      epoch,
      epochs,
      batch: batches,
      batches,
      trainLoss: sum / seen,
      seconds: 0,
    };
    if (data.test) {
      const ev = evaluateMlp(model, data.test);
      result.testAccuracy.push(ev.accuracy);
      result.testLoss.push(ev.loss);
      progress.testAccuracy = ev.accuracy;
    }
    progress.seconds = (performance.now() - t0) / 1000;
    options.onProgress?.(progress);
  }
  if (config.optimizer === "Adagrad") {
    result.adagradSqrtS = model.layers.map((layer, l) => {
      const nW = layer.W.length;
      const s = a.subarray(layer.offset, layer.offset + nW + layer.b.length);
      const root = Float32Array.from(s, Math.sqrt);
      return { layer: l, W: root.subarray(0, nW), b: root.subarray(nW) };
    });
  }
  return result;
}

function trainConfig(options: TrainOptions): Required<Omit<TrainOptions, "onProgress">> {
  const optimizer = options.optimizer;
  if (!Object.prototype.hasOwnProperty.call(DEFAULTS, optimizer)) {
    throw new RangeError(
      `Invalid optimizer: ${String(optimizer)} (expected one of ${Object.keys(DEFAULTS).join(", ")})`,
    );
  }
  const d = DEFAULTS[optimizer];
  const config = {
    optimizer,
    lr: options.lr ?? d.lr,
    batchSize: options.batchSize ?? 64,
    epochs: options.epochs ?? 1,
    seed: options.seed ?? 0,
    momentum: options.momentum ?? SGD_DEFAULTS.momentum,
    dampening: options.dampening ?? SGD_DEFAULTS.dampening,
    nesterov: options.nesterov ?? SGD_DEFAULTS.nesterov,
    betas: options.betas ?? [...ADAM_DEFAULTS.betas],
    alpha: options.alpha ?? RMSPROP_DEFAULTS.alpha,
    eps: options.eps ?? d.eps,
    weightDecay: options.weightDecay ?? 0,
    lrDecay: options.lrDecay ?? ADAGRAD_DEFAULTS.lrDecay,
    initialAccumulatorValue: options.initialAccumulatorValue ?? ADAGRAD_DEFAULTS.initialAccumulatorValue,
    progressEvery: options.progressEvery ?? 50,
  } satisfies Required<Omit<TrainOptions, "onProgress">>;
  if (options.lr === undefined && Number.isNaN(d.lr)) {
    throw new RangeError(
      `Invalid learning rate: undefined (${optimizer} needs lr: torch.optim.SGD has no default)`,
    );
  }
  checkNonNegative("learning rate", config.lr);
  checkNonNegative("epsilon value", config.eps);
  checkNonNegative("momentum value", config.momentum);
  checkNonNegative("weight_decay value", config.weightDecay);
  checkNonNegative("lr_decay value", config.lrDecay);
  checkNonNegative("initial_accumulator_value value", config.initialAccumulatorValue);
  checkNonNegative("alpha value", config.alpha);
  checkUnitInterval("beta parameter at index 0", config.betas[0]);
  checkUnitInterval("beta parameter at index 1", config.betas[1]);
  checkInteger("batch size", config.batchSize, 1);
  checkInteger("epochs", config.epochs, 0);
  checkInteger("progressEvery", config.progressEvery, 1);
  if (config.nesterov && (config.momentum <= 0 || config.dampening !== 0)) {
    throw new RangeError("Nesterov momentum requires a momentum and zero dampening");
  }
  return config;
}

function stepper(
  o: Required<Omit<TrainOptions, "onProgress">>,
  a: Float32Array,
  b: Float32Array,
  model: Mlp,
): () => void {
  const { params, grads } = model;
  switch (o.optimizer) {
    case "SGD": {
      const s = { t: 0, buf: a };
      return () => sgdStep32(params, grads, s, o);
    }
    case "Adagrad": {
      const s = { t: 0, sum: a };
      return () => adagradStep32(params, grads, s, o);
    }
    case "RMSprop": {
      const s = { t: 0, squareAvg: a };
      return () => rmspropStep32(params, grads, s, o);
    }
    case "Adam": {
      const s = { t: 0, m: a, v: b };
      const adam = model.workspace.adamStep; // the WebAssembly kernel on the wasm backend, else adamStep32
      return () => adam(params, grads, s, o);
    }
  }
}
