import { checkNonNegative, checkUnitInterval } from "../core/validate";

/**
 * The convergence rate of heavy-ball momentum on one eigen-direction of a quadratic (Goh, "Why Momentum
 * Really Works", Distill 2017): the spectral radius of the 2 x 2 matrix that maps (z_k, x_k - x*) to
 * (z_{k+1}, x_{k+1} - x*) for curvature λ, torch's form z ← βz + ∇f, x ← x - αz.
 *
 * $$\begin{aligned} R &= \begin{bmatrix} \beta & \lambda \\ -\alpha\beta & 1 - \alpha\lambda \end{bmatrix},
 * \quad \operatorname{tr} R = 1 + \beta - \alpha\lambda, \quad \det R = \beta \\
 * \sigma_{1,2} &= \tfrac12 \left(\operatorname{tr} R \pm \sqrt{(\operatorname{tr} R)^2 - 4\beta}\right) \\
 * \text{rate} &= \max(|\sigma_1|, |\sigma_2|) \end{aligned}$$
 *
 * The error in that direction shrinks like rate^k; momentum converges iff rate < 1, that is
 * 0 < αλ < 2 + 2β (for 0 <= β < 1). When the roots are complex the rate is √β whatever α.
 *
 * @param lr α (>= 0)
 * @param beta β in [0, 1)
 * @param lambda the curvature λ (>= 0), an eigenvalue of the Hessian
 * @example
 * momentumRate(0.1, 0, 4); //=> 0.6 (plain gradient descent: |1 - αλ|)
 * momentumRate(0.1, 0.81, 4); //=> 0.9 (complex roots: √β)
 * @see https://distill.pub/2017/momentum/
 */
export function momentumRate(lr: number, beta: number, lambda: number): number {
  checkNonNegative("learning rate", lr);
  checkUnitInterval("momentum value", beta);
  checkNonNegative("curvature lambda", lambda);
  const tr = 1 + beta - lr * lambda;
  const disc = tr * tr - 4 * beta;
  if (disc < 0) return Math.sqrt(beta);
  const r = Math.sqrt(disc);
  return Math.max(Math.abs((tr + r) / 2), Math.abs((tr - r) / 2));
}
