import type { Schedule } from "../core/types";
import { checkNonNegative, checkPositive } from "../core/validate";
import { checkScheduleKeys, recurrence } from "./recurrence";

/** Options of {@link factorSchedule} (D2L's FactorScheduler, in camelCase). */
export interface FactorScheduleOptions {
  /** Multiplicative factor per step (default 1: constant). */
  factor: number;
  /** Floor of the learning rate (default 1e-7). */
  stopFactorLr: number;
}

/**
 * D2L 11.11's FactorScheduler: multiply by `factor` every step, never below `stopFactorLr`.
 *
 * $$\begin{aligned} \eta_0 &= \text{lr} \\ \eta_t &= \max(\eta_{\text{stop}},\ \eta_{t-1} \cdot \text{factor}) \end{aligned}$$
 *
 * Note: D2L's object is stateful and its first call already returns lr·factor (it gives the rate for
 * the epoch after the call); here s(0) is the base rate, so D2L's k-th call (k = 0, 1, ...) equals
 * s(k + 1).
 *
 * @param lr the base learning rate (>= 0; D2L uses 2.0 with factor 0.9, stopFactorLr 1e-2).
 * @example
 * const s = factorSchedule(2, { factor: 0.9, stopFactorLr: 1e-2 });
 * [s(0), s(1), s(2)]; //=> [2, 1.8, 1.62]
 * @see https://d2l.ai/chapter_optimization/lr-scheduler.html
 */
export function factorSchedule(lr: number, options: Partial<FactorScheduleOptions> = {}): Schedule {
  checkScheduleKeys("factorSchedule", options, ["factor", "stopFactorLr"]);
  const { factor = 1, stopFactorLr = 1e-7 } = options;
  checkNonNegative("learning rate", lr);
  checkPositive("factor", factor);
  checkNonNegative("stopFactorLr", stopFactorLr);
  return recurrence(lr, (prev) => Math.max(stopFactorLr, prev * factor));
}
