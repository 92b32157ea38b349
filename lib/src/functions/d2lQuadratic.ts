import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";

/**
 * The golden file's `d2l_quadratic`: f(x) = 0.1 x₁² + 2 x₂² (D2L 11.7's ill-conditioned bowl: Hessian
 * diag(0.2, 4), condition number 20; the Adagrad demo starts at (-5, -2)).
 *
 * $$\begin{aligned} f(x) &= 0.1 x_1^2 + 2 x_2^2 \\ \nabla f(x) &= (0.2 x_1,\ 4 x_2) \\
 * \nabla^2 f &= \operatorname{diag}(0.2, 4) \end{aligned}$$
 *
 * @example
 * d2lQuadratic.f(Float64Array.of(-5, -2)); //=> 10.5
 * d2lQuadratic.grad(Float64Array.of(-5, -2), new Float64Array(2)); //=> Float64Array [-1, -8]
 */
export const d2lQuadratic: TestFunction = {
  name: "d2l_quadratic",
  dim: 2,
  tex: "0.1 x_1^2 + 2 x_2^2",
  f(x) {
    checkPoint("d2l_quadratic", 2, x);
    return 0.1 * x[0] * x[0] + 2 * x[1] * x[1];
  },
  grad(x, out) {
    checkPoint("d2l_quadratic", 2, x);
    out[0] = 0.2 * x[0];
    out[1] = 4 * x[1];
    return out;
  },
  hessian(_x, out) {
    out[0] = 0.2;
    out[1] = 0;
    out[2] = 0;
    out[3] = 4;
    return out;
  },
  minima: [[0, 0]],
  domain: [
    [-5.5, 1],
    [-3, 1],
  ],
};
