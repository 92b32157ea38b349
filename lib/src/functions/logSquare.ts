import type { TestFunction } from "../core/types";
import { checkPositive } from "../core/validate";
import { checkPoint } from "./checkPoint";
import { detMath } from "../core/detMath";

/**
 * The lecture's "another function" with f'(x) = 2x / (x² + c) (lecture §1, §2, §5): f(x) = ln(x² + c),
 * minimum ln c at 0. Far from 0 the gradient is small (about 2/x); near 0 it grows to 1/√c at x = √c, so
 * a step that suits the flanks throws x far away near the optimum.
 *
 * The slide's run (x0 = 9, η = 10: f' = 0.22, x1 = 6.77, f' = 0.295, x2 = 3.82, f' = 0.52, x3 = -1.39,
 * f' = -1.429, x4 = 12.89) is f'(x) = 2/x, i.e. c → 0, with values TRUNCATED to the digits shown
 * (x1 = 6.7778, x4 = 12.8955). Every printed value holds for 0 <= c < 0.004; from c = 0.004 the slide's
 * f'(x3) = -1.429 becomes -1.428. The default c = 0.001 keeps the slide's numbers and a finite minimum.
 *
 * $$\begin{aligned} f(x) &= \ln(x^2 + c) \\ f'(x) &= \frac{2x}{x^2 + c} \\ f''(x) &= \frac{2 (c - x^2)}{(x^2 + c)^2} \end{aligned}$$
 *
 * @param c the constant inside the logarithm (> 0; default 0.001).
 * @example
 * logSquare().grad(Float64Array.of(9), new Float64Array(1)); //=> Float64Array [0.222219478771867]
 */
export function logSquare(c = 0.001): TestFunction {
  checkPositive("constant c", c);
  return {
    name: "log_square",
    dim: 1,
    tex: `\\ln(x^2 + ${c})`,
    f(x) {
      checkPoint("log_square", 1, x);
      return detMath.log(x[0] * x[0] + c);
    },
    grad(x, out) {
      checkPoint("log_square", 1, x);
      out[0] = (2 * x[0]) / (x[0] * x[0] + c);
      return out;
    },
    hessian(x, out) {
      checkPoint("log_square", 1, x);
      const d = x[0] * x[0] + c;
      out[0] = (2 * (c - x[0] * x[0])) / (d * d);
      return out;
    },
    minima: [[0]],
    domain: [[-10, 15]],
  };
}
