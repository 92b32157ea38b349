import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";

/**
 * The rescaled Rosenbrock ("bananaf") of Goh's "Why Momentum Really Works" (distill.pub/2017/momentum):
 * f(x, y) = (1 - x)² + 20 (3y - x²)², minimum 0 at (1, 1/3). Distill's hero figure starts at
 * (-1.21, 0.853) with step size 0.02, momentum 0.99, 150 iterations.
 *
 * $$\begin{aligned} f &= (1 - x)^2 + 20 (3y - x^2)^2 \\ \nabla f &= \big(-2(1 - x) - 80 x (3y - x^2),\ 120 (3y - x^2)\big) \\
 * \nabla^2 f &= \begin{bmatrix} 2 - 240 y + 240 x^2 & -240 x \\ -240 x & 360 \end{bmatrix} \end{aligned}$$
 *
 * @example
 * distillRosenbrock.f(Float64Array.of(1, 1 / 3)); //=> 0
 * @see https://distill.pub/2017/momentum/
 */
export const distillRosenbrock: TestFunction = {
  name: "distill_rosenbrock",
  dim: 2,
  tex: "(1 - x)^2 + 20 (3y - x^2)^2",
  f(x) {
    checkPoint("distill_rosenbrock", 2, x);
    const a = 1 - x[0];
    const b = 3 * x[1] - x[0] * x[0];
    return a * a + 20 * b * b;
  },
  grad(x, out) {
    checkPoint("distill_rosenbrock", 2, x);
    const b = 3 * x[1] - x[0] * x[0];
    out[0] = -2 * (1 - x[0]) - 80 * x[0] * b;
    out[1] = 120 * b;
    return out;
  },
  hessian(x, out) {
    checkPoint("distill_rosenbrock", 2, x);
    out[0] = 2 - 240 * x[1] + 240 * x[0] * x[0];
    out[1] = -240 * x[0];
    out[2] = out[1];
    out[3] = 360;
    return out;
  },
  minima: [[1, 1 / 3]],
  domain: [
    [-1.5, 1.5],
    [-0.3, 1],
  ],
};
