import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";

/**
 * The golden file's `rosenbrock`: f(x) = (1 - x₁)² + 100 (x₂ - x₁²)², a curved narrow valley with its
 * minimum 0 at (1, 1) (Rosenbrock 1960).
 *
 * $$\begin{aligned} f(x) &= (1 - x_1)^2 + 100 (x_2 - x_1^2)^2 \\
 * \nabla f(x) &= \big(-2 (1 - x_1) - 400 x_1 (x_2 - x_1^2),\ 200 (x_2 - x_1^2)\big) \\
 * \nabla^2 f &= \begin{bmatrix} 2 - 400 x_2 + 1200 x_1^2 & -400 x_1 \\ -400 x_1 & 200 \end{bmatrix} \end{aligned}$$
 *
 * @example
 * rosenbrock.f(Float64Array.of(-1.5, 2)); //=> 12.5
 * rosenbrock.grad(Float64Array.of(-1.5, 2), new Float64Array(2)); //=> Float64Array [-155, -50]
 */
export const rosenbrock: TestFunction = {
  name: "rosenbrock",
  dim: 2,
  tex: "(1 - x_1)^2 + 100 (x_2 - x_1^2)^2",
  f(x) {
    checkPoint("rosenbrock", 2, x);
    const a = 1 - x[0];
    const b = x[1] - x[0] * x[0];
    return a * a + 100 * b * b;
  },
  grad(x, out) {
    checkPoint("rosenbrock", 2, x);
    const b = x[1] - x[0] * x[0];
    out[0] = -2 * (1 - x[0]) - 400 * x[0] * b;
    out[1] = 200 * b;
    return out;
  },
  hessian(x, out) {
    checkPoint("rosenbrock", 2, x);
    out[0] = 2 - 400 * x[1] + 1200 * x[0] * x[0];
    out[1] = -400 * x[0];
    out[2] = -400 * x[0];
    out[3] = 200;
    return out;
  },
  minima: [[1, 1]],
  domain: [
    [-2, 2],
    [-1, 3],
  ],
};
