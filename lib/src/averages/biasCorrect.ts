import { checkInteger, checkUnitInterval } from "../core/validate";

/**
 * Bias correction of an EMA started at V₀ = 0 (SYLLABUS §4; Adam's m̂ and v̂): the weights of V_t sum to
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
  return value / (1 - rho ** t);
}
