import type { Schedule } from "../core/types";
import { checkOptionKeys } from "../core/validate";

/**
 * Internal: a schedule defined by a recurrence, lr(0) = first and lr(t) = next(lr(t-1), t), evaluated
 * exactly as torch's chainable schedulers accumulate it (one multiplication per step, in float64) and
 * cached, so that s(t) costs O(1) after the first call up to t. The returned function is pure: the same
 * t always gives the same number.
 */
export function recurrence(first: number, next: (prev: number, t: number) => number): Schedule {
  const values: number[] = [first];
  return (t: number): number => {
    checkStep(t);
    for (let k = values.length; k <= t; k++) values.push(next(values[k - 1], k));
    return values[t];
  };
}

/** Internal: throws unless t is a step count, an integer >= 0. */
export function checkStep(t: number): void {
  if (!Number.isInteger(t) || t < 0) throw new RangeError(`Invalid step: ${t} (expected an integer >= 0)`);
}

/**
 * Internal: throws on option names the scheduler does not know, listing the known ones, and on a missing
 * required option (`required`, default none), naming it.
 */
export function checkScheduleKeys(
  what: string,
  options: object,
  known: readonly string[],
  required: readonly string[] = [],
): void {
  checkOptionKeys(what, options as Record<string, unknown>, known);
  for (const key of required) {
    if ((options as Record<string, unknown>)[key] === undefined) {
      throw new RangeError(`Missing option for ${what}: ${key} (required)`);
    }
  }
}
