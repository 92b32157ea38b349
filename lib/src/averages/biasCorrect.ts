import { checkInteger, checkUnitInterval } from "../core/validate";
import { detMath } from "../core/detMath";

/**
 * The sum 1 - ρ^t of the weights of an EMA started at V₀ = 0 after t values: torch's `bias_correction1`
 * and `bias_correction2` (1 - β₁^t, 1 - β₂^t), which Adam's family divides by. Unchecked (the optimizers
 * call it every step with betas they have checked); {@link biasCorrect} checks its arguments.
 *
 * @param rho ρ in [0, 1).
 * @param t the number of averaged values.
 * @example
 * biasCorrection(0.9, 2); //=> 0.18999999999999995
 */
export function biasCorrection(rho: number, t: number): number {
  return 1 - detMath.pow(rho, t);
}

/**
 * Bias correction of an EMA started at V₀ = 0 (lecture §4; Adam's m̂ and v̂): the weights of V_t sum to
 * 1 - ρ^t, so V_t / (1 - ρ^t) is a weighted mean again.
 *
 * $$\begin{aligned} \hat V_t &= \frac{V_t}{1 - \rho^t} \end{aligned}$$
 *
 * @param value V_t.
 * @param rho ρ in [0, 1).
 * @param t the number of averaged values (an integer >= 1).
 * @example
 * biasCorrect(0.1, 0.9, 1); //=> 1 (V₁ = 0.1 s₁ with s₁ = 1)
 */
export function biasCorrect(value: number, rho: number, t: number): number {
  checkUnitInterval("rho", rho);
  checkInteger("step t", t, 1);
  return value / biasCorrection(rho, t);
}
