import type { TestFunction } from "../core/types";
import { checkPositive } from "../core/validate";
import { scaledSquareSum } from "./square";

/**
 * c Σ x_i² on any number of coordinates (dim 0), named `square<c>`: the lecture's steeper parabolas 9x²
 * and 20x² (lecture §1). Plain gradient descent multiplies x by 1 - 2cη each step, so it converges only
 * for η < 1/c: the same η = 0.1 that suits x² makes 9x² oscillate (factor -0.8: 70, -56, 44.8, ...) and
 * 20x² diverge (factor -3).
 *
 * $$\begin{aligned} f(x) &= c \textstyle\sum_i x_i^2 \\ \nabla f(x)_i &= 2 c x_i \\ \nabla^2 f &= 2c I \end{aligned}$$
 *
 * @param c the curvature factor (> 0).
 * @example
 * scaledSquare(9).grad(Float64Array.of(70), new Float64Array(1)); //=> Float64Array [1260]
 * scaledSquare(9).name; //=> "square9"
 */
export function scaledSquare(c: number): TestFunction {
  checkPositive("curvature factor c", c);
  return scaledSquareSum(
    c === 1 ? "square" : `square${c}`,
    c,
    c === 1 ? "\\sum_i x_i^2" : `${c} \\sum_i x_i^2`,
  );
}
