import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";

/**
 * The outer function of `flatComposite` on its own, g(x) = (x - 1)², for the comparison the lesson
 * makes: its slope 2(x - 1) never vanishes before the centre.
 *
 * $$\begin{aligned} g(x) &= (x - 1)^2 \\ g'(x) &= 2 (x - 1) \\ g''(x) &= 2 \end{aligned}$$
 *
 * @example
 * flatCompositeOuter.grad(Float64Array.of(3), new Float64Array(1)); //=> Float64Array [4]
 */
export const flatCompositeOuter: TestFunction = {
  name: "flat_composite_outer",
  dim: 1,
  tex: "(x - 1)^2",
  f(x) {
    checkPoint("flat_composite_outer", 1, x);
    return (x[0] - 1) ** 2;
  },
  grad(x, out) {
    checkPoint("flat_composite_outer", 1, x);
    out[0] = 2 * (x[0] - 1);
    return out;
  },
  hessian(_x, out) {
    out[0] = 2;
    return out;
  },
  minima: [[1]],
  domain: [[-0.5, 3.2]],
};
