import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";

/**
 * A tilted double well for the momentum "ball" demo (lecture §6: x0 = -3.2, η = 0.1, m = 0.9, v0 = 0).
 * The seeds show that demo only as a figure, without its formula, so this function is the course's
 * design: f(x) = (x⁴ - 12x² - 12x)/16, a shallow local minimum near x = -2.145, a maximum near -0.524 and
 * the global minimum near x = 2.669 (roots of x³ - 6x - 3). From x0 = -3.2 with η = 0.1, plain gradient
 * descent stops in the local minimum; momentum 0.9 rolls through it and over the hump into the global
 * one (tested).
 *
 * $$\begin{aligned} f(x) &= \tfrac{1}{16}\left(x^4 - 12 x^2 - 12 x\right) \\ f'(x) &= \tfrac14 \left(x^3 - 6x - 3\right) \\
 * f''(x) &= \tfrac34 \left(x^2 - 2\right) \end{aligned}$$
 *
 * @example
 * tiltedDoubleWell.grad(Float64Array.of(0), new Float64Array(1)); //=> Float64Array [-0.75]
 */
export const tiltedDoubleWell: TestFunction = {
  name: "tilted_double_well",
  dim: 1,
  tex: "\\tfrac{1}{16}\\left(x^4 - 12 x^2 - 12 x\\right)",
  f(x) {
    checkPoint("tilted_double_well", 1, x);
    const u = x[0];
    return (u * u * u * u - 12 * u * u - 12 * u) / 16;
  },
  grad(x, out) {
    checkPoint("tilted_double_well", 1, x);
    const u = x[0];
    out[0] = (u * u * u - 6 * u - 3) / 4;
    return out;
  },
  hessian(x, out) {
    checkPoint("tilted_double_well", 1, x);
    out[0] = (3 * (x[0] * x[0] - 2)) / 4;
    return out;
  },
  minima: [[2.6690790882822886], [-2.1451026912004223]],
  domain: [[-3.5, 4]],
};
