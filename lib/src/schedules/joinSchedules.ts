import type { Schedule } from "../core/types";
import { checkInteger } from "../core/validate";
import { checkStep } from "./recurrence";

/**
 * Joins schedules end to end (as optax's `join_schedules`): schedules[0] runs until boundaries[0], then
 * schedules[1] starts again from its own step 0, and so on. The boundaries are absolute steps,
 * increasing.
 *
 * $$\begin{aligned} \eta_t &= s_i(t - b_{i-1}) \quad \text{for } b_{i-1} \le t < b_i,\ b_{-1} = 0 \end{aligned}$$
 *
 * @param schedules n >= 1 schedules.
 * @param boundaries n - 1 increasing integer steps.
 * @example
 * const s = joinSchedules([() => 0.1, (t) => 0.1 / (t + 1)], [3]);
 * [s(2), s(3), s(4)]; //=> [0.1, 0.1, 0.05]
 * @see https://optax.readthedocs.io/en/latest/api/optimizer_schedules.html#optax.join_schedules
 */
export function joinSchedules(schedules: Schedule[], boundaries: number[]): Schedule {
  if (schedules.length === 0) throw new RangeError("Invalid schedules: joinSchedules needs at least 1");
  if (boundaries.length !== schedules.length - 1) {
    throw new RangeError(
      `Invalid boundaries: ${schedules.length} schedules need ${schedules.length - 1} boundaries, got ${boundaries.length}`,
    );
  }
  boundaries.forEach((b, i) => {
    checkInteger(`boundary at index ${i}`, b, i === 0 ? 0 : boundaries[i - 1]);
  });
  return (t) => {
    checkStep(t);
    let i = 0;
    while (i < boundaries.length && t >= boundaries[i]) i++;
    return schedules[i](i === 0 ? t : t - boundaries[i - 1]);
  };
}
