import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";

/**
 * The golden file's `saddle`: f(x) = x₁² - x₂² (lecture §0). The gradient (2x₁, -2x₂) vanishes at the
 * origin, where the Hessian diag(2, -2) has eigenvalues of both signs: a saddle point, not a minimum
 * (the function has no minimum: `minima` is empty).
 *
 * $$\begin{aligned} f(x) &= x_1^2 - x_2^2 \\ \nabla f(x) &= (2 x_1,\ -2 x_2) \\
 * \nabla^2 f &= \operatorname{diag}(2, -2) \end{aligned}$$
 *
 * @example
 * saddle.f(Float64Array.of(1, 2)); //=> -3
 * saddle.grad(Float64Array.of(1, 2), new Float64Array(2)); //=> Float64Array [2, -4]
 */
export const saddle: TestFunction = {
  name: "saddle",
  dim: 2,
  tex: "x_1^2 - x_2^2",
  f(x) {
    checkPoint("saddle", 2, x);
    return x[0] * x[0] - x[1] * x[1];
  },
  grad(x, out) {
    checkPoint("saddle", 2, x);
    out[0] = 2 * x[0];
    out[1] = -2 * x[1];
    return out;
  },
  hessian(_x, out) {
    out[0] = 2;
    out[1] = 0;
    out[2] = 0;
    out[3] = -2;
    return out;
  },
  minima: [],
  domain: [
    [-2, 2],
    [-2, 2],
  ],
};
