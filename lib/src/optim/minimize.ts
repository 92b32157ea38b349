import type { Optimizer, Schedule, TestFunction } from "../core/types";
import { checkFinite, checkInteger, checkOptionKeys } from "../core/validate";

/** Options of {@link minimize}. */
export type MinimizeOptions = {
  /** Number of optimizer steps. */
  steps: number;
  /** Learning rate at step t (t = 0 first); default: the optimizer's configured lr at every step. */
  schedule?: Schedule;
};

/** What {@link minimize} records: everything a lesson plots. */
export interface MinimizeResult {
  /** x_0 (the start) ... x_steps: steps + 1 copies. */
  xs: Float64Array[];
  /** f(x_t) for t = 0 ... steps - 1: the loss where each gradient was taken. */
  losses: Float64Array;
  /** ∇f(x_t) for t = 0 ... steps - 1. */
  grads: Float64Array[];
  /** The learning rate used at each step (NaN when the optimizer has no `lr` and no schedule). */
  lrs: Float64Array;
}

/**
 * Runs `optimizer` on a test function from `x0` for `steps` steps and records the trajectory. Each
 * step: g = ∇f(x); optimizer step with lr = schedule(t); record x. The hot loop allocates only the
 * recorded copies. `x0` is not modified.
 *
 * @param fn the function (its `f` and `grad` are used)
 * @param optimizer any {@link Optimizer}, e.g. `adam({ lr: 0.1 })`
 * @param x0 the start point (finite, length fn.dim unless fn.dim is 0)
 * @param options.steps the number of steps
 * @param options.schedule lr at step t, optional
 * @example
 * const square = { name: "square", dim: 0, tex: "x^2", f: (x) => x[0] ** 2,
 *   grad: (x, out) => { out[0] = 2 * x[0]; return out; } };
 * const run = minimize(square, sgd({ lr: 0.1 }), Float64Array.of(70), { steps: 4 });
 * console.log(run.xs.map((x) => +x[0].toFixed(6)));
 * //=> [ 70, 56, 44.8, 35.84, 28.672 ]
 */
export function minimize<S>(
  fn: TestFunction,
  optimizer: Optimizer<S, unknown>,
  x0: ArrayLike<number>,
  options: MinimizeOptions,
): MinimizeResult {
  checkOptionKeys("minimize", options, { steps: true, schedule: true });
  const { steps, schedule } = options;
  checkInteger("number of steps", steps, 0);
  checkFinite("start point x0", x0);
  if (fn.dim !== 0 && x0.length !== fn.dim) {
    throw new RangeError(`Mismatched lengths for x0 and ${fn.name}: ${x0.length} and dimension ${fn.dim}`);
  }
  const x = Float64Array.from(x0);
  const g = new Float64Array(x.length);
  const state = optimizer.init(x);
  const config = optimizer.config as { lr?: unknown };
  const baseLr = typeof config?.lr === "number" ? config.lr : NaN;
  const xs: Float64Array[] = [x.slice()];
  const grads: Float64Array[] = [];
  const losses = new Float64Array(steps);
  const lrs = new Float64Array(steps);
  for (let t = 0; t < steps; t++) {
    losses[t] = fn.f(x);
    fn.grad(x, g);
    grads.push(g.slice());
    if (schedule) {
      const lr = schedule(t);
      lrs[t] = lr;
      optimizer.step(x, g, state, lr);
    } else {
      lrs[t] = baseLr;
      optimizer.step(x, g, state);
    }
    xs.push(x.slice());
  }
  return { xs, losses, grads, lrs };
}
