/**
 * The few types every part of the library shares. Numbers live in Float64Array (Float32Array only where a
 * kernel says so, e.g. the MLP); matrices are dense row-major.
 */

/** A parameter vector, gradient or any other flat array of numbers. */
export type Vector = Float64Array;

/** A dense row-major matrix: entry (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/**
 * A learning-rate schedule: the learning rate used at step `t`, where `t` counts completed steps
 * (t = 0 is the first step), exactly as torch's schedulers give `get_last_lr()` before step t.
 */
export type Schedule = (t: number) => number;

/**
 * A differentiable test function f: R^dim -> R with its analytic gradient (and Hessian where small).
 * `grad` and `hessian` write into `out` and return it.
 */
export interface TestFunction {
  /** Identifier, e.g. "rosenbrock" (the golden-file names where one exists). */
  name: string;
  /** Number of variables; 0 means "any": the function sums over coordinates. */
  dim: number;
  /** A LaTeX formula for lessons and plots. */
  tex: string;
  f(x: Float64Array): number;
  grad(x: Float64Array, out: Float64Array): Float64Array;
  /** Row-major dim x dim Hessian into `out` (length dim*dim), where provided. */
  hessian?(x: Float64Array, out: Float64Array): Float64Array;
  /** Known minimizers (global first), where known. */
  minima?: number[][];
  /** A plotting box [[xmin, xmax], [ymin, ymax]] (2D functions) or [[xmin, xmax]] (1D). */
  domain?: [number, number][];
}

/**
 * An optimizer: a name, a JSON config (torch's option names in camelCase, defaults filled in), and a pair
 * of functions over caller-owned state. `step` updates `x` in place from gradient `g` taken at `x`.
 * `lr`, when given, overrides the configured learning rate for this step (how schedules drive it).
 */
export interface Optimizer<S = unknown, C = Record<string, unknown>> {
  name: string;
  config: C;
  init(x: Float64Array): S;
  step(x: Float64Array, g: Float64Array, state: S, lr?: number): Float64Array;
  /** How the fused kernels (native and WebAssembly) run this step, for the optimizers that have one. */
  fused?: FusedStep<S>;
}

/**
 * What a fused kernel needs to run an optimizer's step, given by the optimizer itself so that its update,
 * corrections and options are written once: `fastOptimizer` calls
 * `kernel(blocks, x, g, ...arrays, ...args(t, lr))` with the byte offsets of x, g and the state's arrays.
 */
export interface FusedStep<S> {
  /** The kernel's name in lib/assembly/optimStep.ts and lib/native/optimStep.c. */
  kernel: "sgd" | "adagrad" | "rmsprop" | "adam";
  /** The state's arrays the kernel takes after x and g, in its order (their sizes come from `init`). */
  arrays: readonly (keyof S & string)[];
  /**
   * The kernel's number arguments for step `t` (1 for the first step) at learning rate `lr`, computed as
   * the readable step computes them (booleans as 0 or 1).
   */
  args(t: number, lr: number): number[];
}
