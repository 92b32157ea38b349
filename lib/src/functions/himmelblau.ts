import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";

/**
 * The golden file's `himmelblau`: f(x) = (x₁² + x₂ - 11)² + (x₁ + x₂² - 7)², four minima of value 0:
 * (3, 2), (-2.805118, 3.131313), (-3.779310, -3.283186), (3.584428, -1.848127).
 *
 * With p = x₁² + x₂ - 11 and q = x₁ + x₂² - 7:
 * $$\begin{aligned} f &= p^2 + q^2 \\ \nabla f &= (4 x_1 p + 2 q,\ 2 p + 4 x_2 q) \\
 * \nabla^2 f &= \begin{bmatrix} 4p + 8x_1^2 + 2 & 4 x_1 + 4 x_2 \\ 4 x_1 + 4 x_2 & 4q + 8 x_2^2 + 2 \end{bmatrix} \end{aligned}$$
 *
 * @example
 * himmelblau.f(Float64Array.of(3, 2)); //=> 0
 * himmelblau.grad(Float64Array.of(0, 0), new Float64Array(2)); //=> Float64Array [-14, -22]
 */
export const himmelblau: TestFunction = {
  name: "himmelblau",
  dim: 2,
  tex: "(x_1^2 + x_2 - 11)^2 + (x_1 + x_2^2 - 7)^2",
  f(x) {
    checkPoint("himmelblau", 2, x);
    const p = x[0] * x[0] + x[1] - 11;
    const q = x[0] + x[1] * x[1] - 7;
    return p * p + q * q;
  },
  grad(x, out) {
    checkPoint("himmelblau", 2, x);
    const p = x[0] * x[0] + x[1] - 11;
    const q = x[0] + x[1] * x[1] - 7;
    out[0] = 4 * x[0] * p + 2 * q;
    out[1] = 2 * p + 4 * x[1] * q;
    return out;
  },
  hessian(x, out) {
    checkPoint("himmelblau", 2, x);
    const p = x[0] * x[0] + x[1] - 11;
    const q = x[0] + x[1] * x[1] - 7;
    out[0] = 4 * p + 8 * x[0] * x[0] + 2;
    out[1] = 4 * x[0] + 4 * x[1];
    out[2] = out[1];
    out[3] = 4 * q + 8 * x[1] * x[1] + 2;
    return out;
  },
  minima: [
    [3, 2],
    [-2.805118086952745, 3.131312518250573],
    [-3.779310253377747, -3.283185991286169],
    [3.5844283403304917, -1.8481265269644034],
  ],
  domain: [
    [-5, 5],
    [-5, 5],
  ],
};
