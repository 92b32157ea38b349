import { checkInteger, checkUnitInterval } from "../core/validate";

/**
 * The weights of s₁ ... s_t in V_t when the EMA starts at V₀ = 0 (lecture §4, unrolled):
 * V_t = Σ_i (1 - ρ) ρ^(t-i) s_i. They sum to 1 - ρ^t (see {@link biasCorrect}).
 *
 * $$\begin{aligned} w_i &= (1 - \rho)\, \rho^{t - i}, \quad i = 1, \dots, t \end{aligned}$$
 *
 * Note (lecture error): for ρ = 0.98 and t = 3 the slide prints 0.0392 as the weight of s₁; it is
 * 0.98² · 0.02 = 0.019208 (0.0392 is 2 · 0.0196, a doubled weight).
 *
 * @param rho ρ in [0, 1).
 * @param t the number of values (an integer >= 0).
 * @param out output of length >= t (default new); returned.
 * @example
 * emaWeights(0.5, 3); //=> Float64Array [0.125, 0.25, 0.5]
 */
export function emaWeights(rho: number, t: number, out: Float64Array = new Float64Array(t)): Float64Array {
  checkUnitInterval("rho", rho);
  checkInteger("step t", t, 0);
  if (out.length < t) throw new RangeError(`Invalid output: length ${out.length} < ${t}`);
  let w = 1 - rho;
  for (let i = t - 1; i >= 0; i--) {
    out[i] = w;
    w *= rho;
  }
  return out;
}
