import { checkPositive } from "../core/validate";

/**
 * The learning rate and momentum that make heavy-ball momentum fastest on a quadratic whose Hessian has
 * its eigenvalues in [λ_min, λ_max] (Goh, "Why Momentum Really Works", Distill 2017; Polyak 1964), with
 * the rate they give, in terms of the condition number κ = λ_max / λ_min.
 *
 * $$\begin{aligned} \alpha^\star &= \left(\frac{2}{\sqrt{\lambda_{\min}} + \sqrt{\lambda_{\max}}}\right)^2 \\
 * \beta^\star &= \left(\frac{\sqrt{\kappa} - 1}{\sqrt{\kappa} + 1}\right)^2 \\
 * \text{rate} &= \frac{\sqrt{\kappa} - 1}{\sqrt{\kappa} + 1} \end{aligned}$$
 *
 * Gradient descent's best rate on the same quadratic is (κ - 1)/(κ + 1), at α = 2/(λ_min + λ_max);
 * it is returned too, for comparison.
 *
 * @param lambdaMin the smallest Hessian eigenvalue (> 0)
 * @param lambdaMax the largest (>= lambdaMin)
 * @example
 * momentumOptimal(1, 100);
 * //=> { lr: 0.03305785123966942, beta: 0.6694214876033059, rate: 0.8181818181818182,
 * //     gdLr: 0.019801980198019802, gdRate: 0.9801980198019802, kappa: 100 }
 * @see https://distill.pub/2017/momentum/
 */
export function momentumOptimal(
  lambdaMin: number,
  lambdaMax: number,
): { lr: number; beta: number; rate: number; gdLr: number; gdRate: number; kappa: number } {
  checkPositive("lambdaMin", lambdaMin);
  checkPositive("lambdaMax", lambdaMax);
  if (lambdaMax < lambdaMin) {
    throw new RangeError(`Invalid eigenvalue range: lambdaMax ${lambdaMax} < lambdaMin ${lambdaMin}`);
  }
  const kappa = lambdaMax / lambdaMin;
  const sk = Math.sqrt(kappa);
  const rate = (sk - 1) / (sk + 1);
  return {
    lr: (2 / (Math.sqrt(lambdaMin) + Math.sqrt(lambdaMax))) ** 2,
    beta: rate * rate,
    rate,
    gdLr: 2 / (lambdaMin + lambdaMax),
    gdRate: (kappa - 1) / (kappa + 1),
    kappa,
  };
}
