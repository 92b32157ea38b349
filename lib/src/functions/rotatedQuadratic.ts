import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";

/**
 * The golden file's `rotated_quadratic`: f(x) = 0.1 (x₁ + x₂)² + 2 (x₁ - x₂)², the 45° rotation of
 * {@link d2lQuadratic} up to scale (lecture §8, exercise 2).
 *
 * Note (lecture error): the exercise says both functions have Hessian eigenvalues 0.2 and 4. With
 * u = (x₁ + x₂)/√2 and v = (x₁ - x₂)/√2 (an orthogonal change of variables) f = 0.2 u² + 4 v², so this
 * Hessian [[4.2, -3.8], [-3.8, 4.2]] has eigenvalues 0.4 and 8: twice d2l_quadratic's. The condition
 * number, 20, is the same, which is what the exercise needs. (An exact rotation would be
 * 0.05 (x₁ + x₂)² + (x₁ - x₂)²; the golden file keeps the exercise's formula.)
 *
 * $$\begin{aligned} f(x) &= 0.1 (x_1 + x_2)^2 + 2 (x_1 - x_2)^2 \\
 * \nabla f(x) &= \big(0.2 (x_1 + x_2) + 4 (x_1 - x_2),\ 0.2 (x_1 + x_2) - 4 (x_1 - x_2)\big) \\
 * \nabla^2 f &= \begin{bmatrix} 4.2 & -3.8 \\ -3.8 & 4.2 \end{bmatrix} \end{aligned}$$
 *
 * @example
 * rotatedQuadratic.f(Float64Array.of(3, 1)); //=> 9.6
 * rotatedQuadratic.grad(Float64Array.of(3, 1), new Float64Array(2)); //=> Float64Array [8.8, -7.2]
 */
export const rotatedQuadratic: TestFunction = {
  name: "rotated_quadratic",
  dim: 2,
  tex: "0.1 (x_1 + x_2)^2 + 2 (x_1 - x_2)^2",
  f(x) {
    checkPoint("rotated_quadratic", 2, x);
    const s = x[0] + x[1];
    const d = x[0] - x[1];
    return 0.1 * s * s + 2 * d * d;
  },
  grad(x, out) {
    checkPoint("rotated_quadratic", 2, x);
    const s = x[0] + x[1];
    const d = x[0] - x[1];
    out[0] = 0.2 * s + 4 * d;
    out[1] = 0.2 * s - 4 * d;
    return out;
  },
  hessian(_x, out) {
    out[0] = 4.2;
    out[1] = -3.8;
    out[2] = -3.8;
    out[3] = 4.2;
    return out;
  },
  minima: [[0, 0]],
  domain: [
    [-1, 3.5],
    [-1, 3.5],
  ],
};
