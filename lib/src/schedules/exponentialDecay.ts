import type { Schedule } from "../core/types";
import { checkNonNegative, checkPositive } from "../core/validate";
import { checkScheduleKeys, checkStep } from "./recurrence";
import { detMath } from "../core/detMath";

/** Options of {@link exponentialDecay}. */
export interface ExponentialDecayOptions {
  /** λ, the factor applied every `decaySteps` steps (> 0). */
  decayRate: number;
  /** k, the number of steps over which the rate is multiplied by λ (> 0). */
  decaySteps: number;
  /** Use ⌊s / k⌋ instead of s / k: a staircase (default false). */
  staircase?: boolean;
}

/**
 * The lecture's exponential decay (lecture §2), η = η₀ · λ^(s/k), the same formula as Keras's
 * `initial_learning_rate * decay_rate ^ (step / decay_steps)`. A closed form: smooth in s (with
 * `staircase`, λ^⌊s/k⌋). With k = 1 it is torch's ExponentialLR up to rounding (torch multiplies step by
 * step; use {@link exponentialLR} to match torch to the last bit).
 *
 * $$\begin{aligned} \eta_s &= \eta_0\, \lambda^{s / k} \end{aligned}$$
 *
 * @param lr η₀ (>= 0).
 * @example
 * const s = exponentialDecay(0.2, { decayRate: 0.5, decaySteps: 10 });
 * [s(0), s(10), s(20)]; //=> [0.2, 0.1, 0.05]
 */
export function exponentialDecay(lr: number, options: ExponentialDecayOptions): Schedule {
  checkScheduleKeys(
    "exponentialDecay",
    options,
    ["decayRate", "decaySteps", "staircase"],
    ["decayRate", "decaySteps"],
  );
  const { decayRate, decaySteps, staircase = false } = options;
  checkNonNegative("learning rate", lr);
  checkPositive("decayRate", decayRate);
  checkPositive("decaySteps", decaySteps);
  return (t) => {
    checkStep(t);
    const p = staircase ? Math.floor(t / decaySteps) : t / decaySteps;
    return lr * detMath.pow(decayRate, p);
  };
}
