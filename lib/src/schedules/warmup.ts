import type { Schedule } from "../core/types";
import { checkInteger, checkNonNegative } from "../core/validate";
import { joinSchedules } from "./joinSchedules";
import { checkScheduleKeys } from "./recurrence";

/** Options of {@link warmup}: the length, and where the ramp starts (startLr or startFactor, not both). */
export interface WarmupOptions {
  /** Number of warmup steps W (an integer >= 0). */
  steps: number;
  /** The rate at step 0 (default 0). */
  startLr?: number;
  /** The rate at step 0 as a factor of schedule(0). */
  startFactor?: number;
}

/**
 * A linear warmup joined to any schedule: from startLr (or startFactor · schedule(0)) up to schedule(0)
 * over W steps, then the schedule from its own step 0.
 *
 * $$\begin{aligned} \eta_t &= \eta_{\text{start}} + (s(0) - \eta_{\text{start}})\, t / W \quad (t < W) \\
 * \eta_t &= s(t - W) \quad (t \ge W) \end{aligned}$$
 *
 * @example
 * const s = warmup(cosineAnnealingLR(0.1, { tMax: 10 }), { steps: 4 });
 * [s(0), s(2), s(4), s(14)]; //=> [0, 0.05, 0.1, 0]
 */
export function warmup(schedule: Schedule, options: WarmupOptions): Schedule {
  checkScheduleKeys("warmup", options, ["steps", "startLr", "startFactor"], ["steps"]);
  const { steps, startLr, startFactor } = options;
  checkInteger("warmup steps", steps, 0);
  if (startLr !== undefined && startFactor !== undefined) {
    throw new RangeError(
      `Invalid warmup: give startLr (${startLr}) or startFactor (${startFactor}), not both`,
    );
  }
  const target = schedule(0);
  const start = startFactor !== undefined ? startFactor * target : (startLr ?? 0);
  checkNonNegative("warmup start learning rate", start);
  if (steps === 0) return schedule;
  const ramp: Schedule = (t) => start + ((target - start) * t) / steps;
  return joinSchedules([ramp, schedule], [steps]);
}
