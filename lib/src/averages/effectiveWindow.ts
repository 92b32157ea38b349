import { checkUnitInterval } from "../core/validate";

/**
 * The effective window of an EMA, 1 / (1 - ρ): roughly how many recent values it averages
 * (ρ = 0.9: about 10; ρ = 0.98: about 50; ρ^(1/(1-ρ)) ≈ 1/e).
 *
 * $$\begin{aligned} n_{\text{eff}} &= \frac{1}{1 - \rho} \end{aligned}$$
 *
 * @param rho ρ in [0, 1).
 * @example
 * effectiveWindow(0.9); //=> 10.000000000000002
 */
export function effectiveWindow(rho: number): number {
  checkUnitInterval("rho", rho);
  return 1 / (1 - rho);
}
