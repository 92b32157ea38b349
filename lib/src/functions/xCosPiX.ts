import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";
import { detMath } from "../core/detMath";

/**
 * The lecture's "true risk" f(x) = x cos(πx) on [-1.5, 2] (lecture §0, after D2L 11.1): a local minimum
 * near x = -0.274 and the domain's lowest one near x = 1.090. Compare {@link xCosPiXEmpirical}, whose
 * minimum is elsewhere (the generalization gap).
 *
 * $$\begin{aligned} f(x) &= x \cos(\pi x) \\ f'(x) &= \cos(\pi x) - \pi x \sin(\pi x) \\
 * f''(x) &= -2\pi \sin(\pi x) - \pi^2 x \cos(\pi x) \end{aligned}$$
 *
 * @example
 * xCosPiX.f(Float64Array.of(1)); //=> -1
 * xCosPiX.grad(Float64Array.of(0), new Float64Array(1)); //=> Float64Array [1]
 */
export const xCosPiX: TestFunction = {
  name: "x_cos_pi_x",
  dim: 1,
  tex: "x \\cos(\\pi x)",
  f(x) {
    checkPoint("x_cos_pi_x", 1, x);
    return x[0] * detMath.cos(Math.PI * x[0]);
  },
  grad(x, out) {
    checkPoint("x_cos_pi_x", 1, x);
    const u = x[0];
    out[0] = detMath.cos(Math.PI * u) - Math.PI * u * detMath.sin(Math.PI * u);
    return out;
  },
  hessian(x, out) {
    checkPoint("x_cos_pi_x", 1, x);
    const u = x[0];
    out[0] = -2 * Math.PI * detMath.sin(Math.PI * u) - Math.PI * Math.PI * u * detMath.cos(Math.PI * u);
    return out;
  },
  // Roots of f' with f'' > 0 in [-1.5, 2], lowest first (Newton to rounding; tested).
  minima: [[1.0904082219467213], [-0.2738526868008509]],
  domain: [[-1.5, 2]],
};
