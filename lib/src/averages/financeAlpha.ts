import { checkPositive } from "../core/validate";

/**
 * The finance convention's smoothing factor for an n-period EMA, α = 2 / (n + 1), in
 * EMA_t = α x_t + (1 - α) EMA_{t-1} (lecture §4). The optimizers' ρ is 1 - α = (n - 1)/(n + 1).
 *
 * $$\begin{aligned} \alpha &= \frac{2}{n + 1} \end{aligned}$$
 *
 * @param n the window length (> 0).
 * @example
 * financeAlpha(19); //=> 0.1 (ρ = 0.9)
 */
export function financeAlpha(n: number): number {
  checkPositive("window", n);
  return 2 / (n + 1);
}
