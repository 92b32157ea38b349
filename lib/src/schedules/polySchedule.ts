import type { Schedule } from "../core/types";
import { checkInteger, checkNonNegative } from "../core/validate";
import { checkScheduleKeys, checkStep } from "./recurrence";
import { detMath } from "../core/detMath";

/** Options of {@link polySchedule} (MXNet/D2L's PolyScheduler, in camelCase). */
export interface PolyScheduleOptions {
  /** The step at which the rate reaches finalLr (required, an integer > warmupSteps). */
  maxUpdate: number;
  /** Exponent of the decay (default 2). */
  power: number;
  /** The rate from maxUpdate on (default 0). */
  finalLr: number;
  /** Length of the linear warmup (default 0). */
  warmupSteps: number;
  /** The rate at step 0 of the warmup (default 0). */
  warmupBeginLr: number;
}

/**
 * MXNet's PolyScheduler (used in D2L 11.11) with its linear warmup: a ramp from warmupBeginLr to lr over
 * warmupSteps, then a polynomial decay to finalLr at maxUpdate, then constant.
 *
 * $$\begin{aligned} \eta_t &= \eta_{b} + (\text{lr} - \eta_{b})\, t / W \quad (t < W) \\
 * \eta_t &= \eta_{f} + (\text{lr} - \eta_{f}) \Big(1 - \frac{t - W}{M - W}\Big)^{p} \quad (W \le t \le M) \\
 * \eta_t &= \eta_f \quad (t > M) \end{aligned}$$
 *
 * @param lr the peak learning rate (>= 0).
 * @example
 * const s = polySchedule(0.1, { maxUpdate: 10, power: 1, warmupSteps: 2 });
 * [s(0), s(1), s(2), s(6), s(10), s(20)]; //=> [0, 0.05, 0.1, 0.05, 0, 0]
 * @see https://d2l.ai/chapter_optimization/lr-scheduler.html
 */
export function polySchedule(
  lr: number,
  options: { maxUpdate: number } & Partial<PolyScheduleOptions>,
): Schedule {
  checkScheduleKeys(
    "polySchedule",
    options,
    ["maxUpdate", "power", "finalLr", "warmupSteps", "warmupBeginLr"],
    ["maxUpdate"],
  );
  const { maxUpdate, power = 2, finalLr = 0, warmupSteps = 0, warmupBeginLr = 0 } = options;
  checkNonNegative("learning rate", lr);
  checkInteger("warmupSteps", warmupSteps, 0);
  checkInteger("maxUpdate", maxUpdate, warmupSteps + 1);
  checkNonNegative("power", power);
  checkNonNegative("finalLr", finalLr);
  checkNonNegative("warmupBeginLr", warmupBeginLr);
  const maxSteps = maxUpdate - warmupSteps;
  return (t) => {
    checkStep(t);
    if (t < warmupSteps) return warmupBeginLr + ((lr - warmupBeginLr) * t) / warmupSteps;
    const u = Math.min(t, maxUpdate);
    return finalLr + (lr - finalLr) * detMath.pow(1 - (u - warmupSteps) / maxSteps, power);
  };
}
