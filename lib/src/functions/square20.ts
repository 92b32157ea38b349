import type { TestFunction } from "../core/types";
import { scaledSquareSum } from "./square";

/**
 * The golden file's `square20`: f(x) = 20 Σ x_i², any number of coordinates (dim 0). The lecture's
 * steep parabola: from x0 = 2 with lr 0.1, SGD multiplies x by 1 - 0.1·40 = -3 each step and diverges
 * (2, -6, 18, -54, 162).
 *
 * $$\begin{aligned} f(x) &= 20 \textstyle\sum_i x_i^2 \\ \nabla f(x)_i &= 40 x_i \\ \nabla^2 f &= 40 I \end{aligned}$$
 *
 * @example
 * square20.grad(Float64Array.of(2), new Float64Array(1)); //=> Float64Array [80]
 */
export const square20: TestFunction = scaledSquareSum("square20", 20, "20 \\sum_i x_i^2");
