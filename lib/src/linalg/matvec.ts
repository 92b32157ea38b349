import type { Matrix } from "../core/types";

/**
 * y = A x for a dense row-major A (m x n). Writes into `out` (length m) and returns it.
 *
 * $$\begin{aligned} y_i &= \textstyle\sum_j A_{ij} x_j \end{aligned}$$
 *
 * @example
 * matvec(fromRows([[1, 2], [3, 4]]), Float64Array.of(1, 1)); //=> Float64Array [3, 7]
 */
export function matvec(
  A: Matrix,
  x: Float64Array,
  out: Float64Array = new Float64Array(A.rows),
): Float64Array {
  if (x.length !== A.cols)
    throw new RangeError(`Mismatched lengths for matvec: ${A.rows} x ${A.cols} matrix, vector ${x.length}`);
  if (out === x) throw new RangeError("Invalid output: matvec cannot write into its input");
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    const o = i * A.cols;
    for (let j = 0; j < A.cols; j++) s += A.data[o + j] * x[j];
    out[i] = s;
  }
  return out;
}
