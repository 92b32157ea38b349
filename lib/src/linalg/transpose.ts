import type { Matrix } from "../core/types";

/**
 * Aᵀ (n x m for an m x n A). Writes into `out` and returns it.
 *
 * @example
 * toRows(transpose(fromRows([[1, 2, 3]]))); //=> [[1], [2], [3]]
 */
export function transpose(
  A: Matrix,
  out: Matrix = { rows: A.cols, cols: A.rows, data: new Float64Array(A.rows * A.cols) },
): Matrix {
  if (out.rows !== A.cols || out.cols !== A.rows)
    throw new RangeError(`Invalid output shape: ${out.rows} x ${out.cols}`);
  if (out.data === A.data) throw new RangeError("Invalid output: transpose cannot write into its input");
  for (let i = 0; i < A.rows; i++)
    for (let j = 0; j < A.cols; j++) out.data[j * A.rows + i] = A.data[i * A.cols + j];
  return out;
}
