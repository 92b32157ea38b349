import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";
import { detMath } from "../core/detMath";

/**
 * The course's composite with a flat inner point (lecture §1; the lecture shows only plots, so this
 * function is the course's design): h(x) = g(f(x)) with outer g(u) = (u - 1)² and inner f(x) = (x - 1)³.
 * The chain rule h'(x) = g'(f(x)) f'(x) = 2((x - 1)³ - 1) · 3(x - 1)² vanishes at x = 1, where the inner
 * function is flat, although h(1) = 1 is not a minimum (the minimum is h(2) = 0).
 *
 * What plain gradient descent does (tested):
 * - from x0 = 0, η = 0.01 or 0.001: it creeps up to x = 1 and stalls there (vanishing gradient; the
 *   distance to 1 shrinks only like 1/(6ηt)), while the outer function g alone, from the same start,
 *   reaches its centre 1 because its slope never vanishes on the way;
 * - from x0 = 3, η = 0.0005: it reaches the minimum x = 2, but the same η is far too slow for g alone
 *   (g's error shrinks by 0.999 per step);
 * - from x0 = 3, η = 0.2 or 10: the first step lands far left where h grows like x⁶ and it explodes.
 *
 * $$\begin{aligned} h(x) &= \big((x - 1)^3 - 1\big)^2 \\ h'(x) &= 6 (x - 1)^2 \big((x - 1)^3 - 1\big) \\
 * h''(x) &= 18 (x - 1)^4 + 12 (x - 1)\big((x - 1)^3 - 1\big) \end{aligned}$$
 *
 * @example
 * flatComposite.grad(Float64Array.of(1), new Float64Array(1)); //=> Float64Array [-0] (flat, not a minimum)
 * flatComposite.f(Float64Array.of(2)); //=> 0
 */
export const flatComposite: TestFunction = {
  name: "flat_composite",
  dim: 1,
  tex: "\\big((x - 1)^3 - 1\\big)^2",
  f(x) {
    checkPoint("flat_composite", 1, x);
    const u = detMath.pow(x[0] - 1, 3) - 1;
    return u * u;
  },
  grad(x, out) {
    checkPoint("flat_composite", 1, x);
    const d = x[0] - 1;
    out[0] = 6 * d * d * (d * d * d - 1);
    return out;
  },
  hessian(x, out) {
    checkPoint("flat_composite", 1, x);
    const d = x[0] - 1;
    out[0] = 18 * detMath.pow(d, 4) + 12 * d * (d * d * d - 1);
    return out;
  },
  minima: [[2]],
  domain: [[-0.5, 3.2]],
};
