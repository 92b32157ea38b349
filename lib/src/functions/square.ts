import type { TestFunction } from "../core/types";
import { checkNonEmpty } from "./checkPoint";

/**
 * The golden file's `square`: f(x) = Σ x_i², on any number of coordinates (dim 0). The lecture's first
 * example: from x0 = 70 with lr 0.1, SGD gives 70, 56, 44.8, 35.84, ...
 *
 * $$\begin{aligned} f(x) &= \textstyle\sum_i x_i^2 \\ \nabla f(x)_i &= 2 x_i \\ \nabla^2 f &= 2 I \end{aligned}$$
 *
 * @example
 * square.f(Float64Array.of(6, 9)); //=> 117
 * square.grad(Float64Array.of(70), new Float64Array(1)); //=> Float64Array [140]
 */
export const square: TestFunction = scaledSquareSum("square", 1, "\\sum_i x_i^2");

/**
 * Σ c x_i² under a name: the shared body of {@link square} and `square20`. Not part of the public API
 * (the lessons' `scaledSquare(c)` is the 1D form).
 */
export function scaledSquareSum(name: string, c: number, tex: string): TestFunction {
  return {
    name,
    dim: 0,
    tex,
    f(x) {
      checkNonEmpty(name, x);
      let s = 0;
      for (let i = 0; i < x.length; i++) s += x[i] * x[i];
      return c * s;
    },
    grad(x, out) {
      checkNonEmpty(name, x);
      for (let i = 0; i < x.length; i++) out[i] = 2 * c * x[i];
      return out;
    },
    hessian(x, out) {
      const n = x.length;
      out.fill(0, 0, n * n);
      for (let i = 0; i < n; i++) out[i * n + i] = 2 * c;
      return out;
    },
    minima: [[0]],
    domain: [[-10, 10]],
  };
}
