import type { TestFunction } from "../core/types";
import { quadratic } from "./quadratic";

/**
 * The golden file's `quadratic3`: f(x) = ½ xᵀQx + cᵀx with Q = [[4,1,2],[1,9,3],[2,3,16]] (lecture §8's
 * Gerschgorin example: eigenvalues about 3.620, 7.904, 17.477) and c = [1, -2, 0.5].
 *
 * $$\begin{aligned} f(x) &= \tfrac12 x^\top Q x + c^\top x \\ \nabla f(x) &= Q x + c \\ \nabla^2 f &= Q \end{aligned}$$
 *
 * @example
 * quadratic3.grad(Float64Array.of(0, 0, 0), new Float64Array(3)); //=> Float64Array [1, -2, 0.5]
 * quadratic3.f(Float64Array.of(1, 0, 0)); //=> 3
 */
export const quadratic3: TestFunction = quadratic(
  { rows: 3, cols: 3, data: Float64Array.of(4, 1, 2, 1, 9, 3, 2, 3, 16) },
  Float64Array.of(1, -2, 0.5),
  {
    name: "quadratic3",
    tex: "\\tfrac12 x^\\top Q x + c^\\top x,\\ Q = \\begin{bmatrix}4&1&2\\\\1&9&3\\\\2&3&16\\end{bmatrix},\\ c = (1, -2, 0.5)",
  },
);
