import type { Matrix } from "../core/types";
import { checkFinite } from "../core/validate";
import { detMath } from "../core/detMath";

/**
 * The 2 x 2 rotation by θ radians (counter-clockwise), an orthogonal matrix: rotating a quadratic's
 * axes leaves its Hessian eigenvalues unchanged but mixes its coordinates (lecture §8).
 *
 * $$\begin{aligned} R(\theta) &= \begin{bmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta \end{bmatrix} \end{aligned}$$
 *
 * @example
 * toRows(rotation2d(Math.PI / 2)).map((r) => r.map(Math.round)); //=> [[0, -1], [1, 0]]
 */
export function rotation2d(theta: number): Matrix {
  checkFinite("angle", [theta]);
  const c = detMath.cos(theta);
  const s = detMath.sin(theta);
  return { rows: 2, cols: 2, data: Float64Array.of(c, -s, s, c) };
}
