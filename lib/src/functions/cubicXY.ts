import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";
import { detMath } from "../core/detMath";

/**
 * The lecture's Hessian-test example f(x, y) = x³ + y³ - 3xy (lecture §0): critical points (0, 0), a
 * saddle (H = [[0, -3], [-3, 0]], D2 = -9), and (1, 1), a local minimum (H = [[6, -3], [-3, 6]], D1 = 6,
 * D2 = 27). It is unbounded below, so (1, 1) is not a global minimum.
 *
 * $$\begin{aligned} f &= x^3 + y^3 - 3xy \\ \nabla f &= (3x^2 - 3y,\ 3y^2 - 3x) \\
 * \nabla^2 f &= \begin{bmatrix} 6x & -3 \\ -3 & 6y \end{bmatrix} \end{aligned}$$
 *
 * @example
 * cubicXY.f(Float64Array.of(1, 1)); //=> -1
 * cubicXY.hessian(Float64Array.of(1, 1), new Float64Array(4)); //=> Float64Array [6, -3, -3, 6]
 */
export const cubicXY: TestFunction = {
  name: "cubic_xy",
  dim: 2,
  tex: "x^3 + y^3 - 3xy",
  f(x) {
    checkPoint("cubic_xy", 2, x);
    return detMath.pow(x[0], 3) + detMath.pow(x[1], 3) - 3 * x[0] * x[1];
  },
  grad(x, out) {
    checkPoint("cubic_xy", 2, x);
    out[0] = 3 * x[0] * x[0] - 3 * x[1];
    out[1] = 3 * x[1] * x[1] - 3 * x[0];
    return out;
  },
  hessian(x, out) {
    checkPoint("cubic_xy", 2, x);
    out[0] = 6 * x[0];
    out[1] = -3;
    out[2] = -3;
    out[3] = 6 * x[1];
    return out;
  },
  minima: [[1, 1]],
  domain: [
    [-1.5, 2],
    [-1.5, 2],
  ],
};
