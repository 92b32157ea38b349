import type { Schedule } from "../core/types";
import { checkInteger } from "../core/validate";

/**
 * The first n learning rates of a schedule, s(0) ... s(n-1), for plots and tables. Writes into `out`
 * when given (length >= n) and returns it.
 *
 * @example
 * sampleSchedule(stepLR(0.2, { stepSize: 2, gamma: 0.5 }), 5); //=> Float64Array [0.2, 0.2, 0.1, 0.1, 0.05]
 */
export function sampleSchedule(
  s: Schedule,
  n: number,
  out: Float64Array = new Float64Array(n),
): Float64Array {
  checkInteger("number of steps", n, 0);
  if (out.length < n) throw new RangeError(`Invalid output: length ${out.length} < ${n}`);
  for (let t = 0; t < n; t++) out[t] = s(t);
  return out;
}
