import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";
import { detMath } from "../core/detMath";

/**
 * The lecture's "empirical risk" g(x) = x cos(πx) + 0.2 cos(5πx) on [-1.5, 2] (lecture §0): the true risk
 * {@link xCosPiX} plus a ripple, as a finite sample adds. Its lowest minimum on the domain is near
 * x = 1.017, not the true risk's 1.090, and the ripple adds local minima.
 *
 * $$\begin{aligned} g(x) &= x \cos(\pi x) + 0.2 \cos(5 \pi x) \\
 * g'(x) &= \cos(\pi x) - \pi x \sin(\pi x) - \pi \sin(5 \pi x) \\
 * g''(x) &= -2\pi \sin(\pi x) - \pi^2 x \cos(\pi x) - 5 \pi^2 \cos(5 \pi x) \end{aligned}$$
 *
 * @example
 * xCosPiXEmpirical.f(Float64Array.of(1)); //=> -1.2
 */
export const xCosPiXEmpirical: TestFunction = {
  name: "x_cos_pi_x_empirical",
  dim: 1,
  tex: "x \\cos(\\pi x) + 0.2 \\cos(5 \\pi x)",
  f(x) {
    checkPoint("x_cos_pi_x_empirical", 1, x);
    const u = x[0];
    return u * detMath.cos(Math.PI * u) + 0.2 * detMath.cos(5 * Math.PI * u);
  },
  grad(x, out) {
    checkPoint("x_cos_pi_x_empirical", 1, x);
    const u = x[0];
    out[0] =
      detMath.cos(Math.PI * u) -
      Math.PI * u * detMath.sin(Math.PI * u) -
      Math.PI * detMath.sin(5 * Math.PI * u);
    return out;
  },
  hessian(x, out) {
    checkPoint("x_cos_pi_x_empirical", 1, x);
    const u = x[0];
    const pi2 = Math.PI * Math.PI;
    out[0] =
      -2 * Math.PI * detMath.sin(Math.PI * u) -
      pi2 * u * detMath.cos(Math.PI * u) -
      5 * pi2 * detMath.cos(5 * Math.PI * u);
    return out;
  },
  // Local minima in [-1.5, 2], lowest first (Newton to rounding; tested).
  minima: [
    [1.0169834031079086],
    [1.3208019867362606],
    [0.6516366520617567],
    [-0.2080549862343783],
    [-0.5584587120412174],
    [0.18999729312026079],
    [-0.9740372917109443],
  ],
  domain: [[-1.5, 2]],
};
