/**
 * Argument checks at the library's public boundary. Messages follow torch.optim's wording and always
 * name the offending value, so a learner sees `Invalid learning rate: -0.1` rather than a NaN later.
 */

/** T, without letting a call infer T from this argument (TypeScript 5.4's NoInfer, for older compilers). */
type NotInferred<T> = [T][T extends unknown ? 0 : never];

/**
 * Throws a TypeError naming the first key of `options` that is not allowed (a misspelt option would
 * otherwise be ignored silently) and listing the allowed ones, e.g.
 * `loadAirfoil got an unexpected option: path (expected one of rows, file)`. `allowed` is an object with
 * exactly the keys of the options' type (its defaults, or `{ key: true, ... }`: the compiler checks that
 * none is missing or extra) or a list of them. `options` must be an object (or undefined).
 */
export function checkOptionKeys<T extends object>(
  name: string,
  options: T | undefined,
  allowed: NotInferred<Record<keyof T, unknown> | readonly (keyof T & string)[]>,
): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${name} options must be an object, got ${JSON.stringify(options)}`);
  }
  const keys: readonly string[] = Array.isArray(allowed) ? allowed : Object.keys(allowed as object);
  for (const key of Object.keys(options)) {
    if (!keys.includes(key)) {
      const expected = keys.length > 0 ? `expected one of ${keys.join(", ")}` : "it takes none";
      throw new TypeError(`${name} got an unexpected option: ${key} (${expected})`);
    }
  }
}

/** Throws unless `value` is a finite number >= 0. `what` names it: "learning rate", "epsilon value". */
export function checkNonNegative(what: string, value: number): void {
  if (typeof value !== "number" || !(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`Invalid ${what}: ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number > 0. */
export function checkPositive(what: string, value: number): void {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`Invalid ${what}: ${String(value)}`);
  }
}

/** Throws unless 0 <= value < 1 (torch's check for betas, alpha, rho). */
export function checkUnitInterval(what: string, value: number): void {
  if (typeof value !== "number" || !(value >= 0 && value < 1)) {
    throw new RangeError(`Invalid ${what}: ${String(value)}`);
  }
}

/** Throws unless `n` is an integer >= `min`. */
export function checkInteger(what: string, n: number, min = 0): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`Invalid ${what}: ${String(n)}`);
}

/** Throws unless every entry of `x` is finite; names the first bad index and value. */
export function checkFinite(what: string, x: ArrayLike<number>): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new RangeError(`Invalid ${what}: entry ${i} is ${x[i]}`);
  }
}

/** Throws unless two arrays have the same length, naming both lengths. */
export function checkSameLength(what: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new RangeError(`Mismatched lengths for ${what}: ${a.length} and ${b.length}`);
  }
}
