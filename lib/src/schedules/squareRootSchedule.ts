import type { Schedule } from "../core/types";
import { checkNonNegative } from "../core/validate";
import { checkStep } from "./recurrence";
import { detMath } from "../core/detMath";

/**
 * D2L 11.11's SquareRootScheduler: η_t = η₀ (t + 1)^(-1/2), the O(t^(-1/2)) decay that convex analysis
 * suggests (and Adagrad's per-coordinate rate imitates).
 *
 * $$\begin{aligned} \eta_t &= \eta_0\, (t + 1)^{-1/2} \end{aligned}$$
 *
 * @param lr η₀ (>= 0; D2L uses 0.1).
 * @example
 * const s = squareRootSchedule(0.1);
 * [s(0), s(3)]; //=> [0.1, 0.05]
 * @see https://d2l.ai/chapter_optimization/lr-scheduler.html
 */
export function squareRootSchedule(lr: number): Schedule {
  checkNonNegative("learning rate", lr);
  return (t) => {
    checkStep(t);
    return lr * detMath.pow(t + 1, -0.5);
  };
}
