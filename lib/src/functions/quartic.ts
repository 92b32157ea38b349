import type { TestFunction } from "../core/types";
import { checkNonEmpty } from "./checkPoint";

/**
 * The golden file's `quartic`: f(x) = Σ (x_i⁴ - 3x_i² + x_i), any number of coordinates (dim 0). In 1D it
 * is the lecture's local-versus-global example: a global minimum near x = -1.30, a local one near
 * x = 1.13 and a maximum between (f'(x) = 4x³ - 6x + 1, f''(x) = 12x² - 6).
 *
 * $$\begin{aligned} f(x) &= \textstyle\sum_i \left(x_i^4 - 3 x_i^2 + x_i\right) \\
 * \nabla f(x)_i &= 4 x_i^3 - 6 x_i + 1 \\ \nabla^2 f &= \operatorname{diag}(12 x_i^2 - 6) \end{aligned}$$
 *
 * @example
 * quartic.f(Float64Array.of(1)); //=> -1
 * quartic.grad(Float64Array.of(1), new Float64Array(1)); //=> Float64Array [-1]
 */
export const quartic: TestFunction = {
  name: "quartic",
  dim: 0,
  tex: "\\sum_i \\left(x_i^4 - 3 x_i^2 + x_i\\right)",
  f(x) {
    checkNonEmpty("quartic", x);
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      s += v * v * v * v - 3 * v * v + v;
    }
    return s;
  },
  grad(x, out) {
    checkNonEmpty("quartic", x);
    for (let i = 0; i < x.length; i++) out[i] = 4 * x[i] * x[i] * x[i] - 6 * x[i] + 1;
    return out;
  },
  hessian(x, out) {
    const n = x.length;
    out.fill(0, 0, n * n);
    for (let i = 0; i < n; i++) out[i * n + i] = 12 * x[i] * x[i] - 6;
    return out;
  },
  // Roots of 4x^3 - 6x + 1 with f'' > 0, to 1e-12 (tested).
  minima: [[-1.3008395659415772], [1.130901122629986]],
  domain: [[-2, 2]],
};
