/**
 * Argument checks shared by the optimizers: betas, booleans, and the per-step check that
 * `x` and `g` match. Messages follow torch.optim's wording and name the offending value.
 */
import { checkFinite, checkNonNegative, checkOptionKeys, checkUnitInterval } from "../core/validate";

/** Throws unless `betas` is a pair of numbers in [0, 1): `Invalid beta parameter at index 0: 1.2`. */
export function checkBetas(betas: readonly number[]): void {
  if (!Array.isArray(betas) || betas.length !== 2) {
    throw new RangeError(`Invalid betas: ${JSON.stringify(betas)} (expected a pair [beta1, beta2])`);
  }
  checkUnitInterval("beta parameter at index 0", betas[0]);
  checkUnitInterval("beta parameter at index 1", betas[1]);
}

/** Throws unless `value` is a boolean: `Invalid amsgrad value: 1`. */
export function checkBoolean(what: string, value: unknown): void {
  if (typeof value !== "boolean") throw new TypeError(`Invalid ${what} value: ${String(value)}`);
}

/** Throws unless `value` is a finite number (options torch does not range-check, such as dampening). */
export function checkNumber(what: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`Invalid ${what} value: ${String(value)}`);
  }
}

/** The checks of `init(x)`: the start point must be finite. */
export function checkStart(x: Float64Array): void {
  checkFinite("start point x0", x);
}

/**
 * The checks of every `step(x, g, state, lr?)`: equal lengths of x, g and the state's buffers, and a
 * valid learning-rate override. Returns the learning rate to use. O(1): no scan of the arrays.
 */
export function checkStep(
  x: Float64Array,
  g: Float64Array,
  n: number,
  lr: number | undefined,
  base: number,
): number {
  if (x.length !== g.length) {
    throw new RangeError(`Mismatched lengths for x and g: ${x.length} and ${g.length}`);
  }
  if (x.length !== n) {
    throw new RangeError(`Mismatched lengths for x and the optimizer state: ${x.length} and ${n}`);
  }
  if (lr === undefined) return base;
  checkNonNegative("learning rate", lr);
  return lr;
}

/**
 * The start shared by every optimizer with `betas` (Adam's family, Yogi, AdaBound): rejects unknown
 * options, fills in the defaults, copies `betas` (so the caller's array is not kept), and checks the
 * learning rate, ε and both betas, in torch's order. Returns the merged options for the optimizer's own
 * further checks.
 */
export function betasOptions<O extends { lr: number; eps: number; betas: [number, number] }>(
  name: string,
  options: Partial<O>,
  defaults: O,
): O {
  checkOptionKeys(name, options, defaults);
  const o: O = { ...defaults, ...options };
  o.betas = [...o.betas] as [number, number];
  checkNonNegative("learning rate", o.lr);
  checkNonNegative("epsilon value", o.eps);
  checkBetas(o.betas);
  return o;
}
