import type { Matrix } from "../core/types";

/**
 * C = A B for dense row-major matrices (m x k times k x n). Writes into `out` and returns it.
 *
 * $$\begin{aligned} C_{ij} &= \textstyle\sum_l A_{il} B_{lj} \end{aligned}$$
 *
 * @example
 * toRows(matmul(fromRows([[1, 2], [3, 4]]), fromRows([[0, 1], [1, 0]]))); //=> [[2, 1], [4, 3]]
 */
export function matmul(
  A: Matrix,
  B: Matrix,
  out: Matrix = { rows: A.rows, cols: B.cols, data: new Float64Array(A.rows * B.cols) },
): Matrix {
  if (A.cols !== B.rows)
    throw new RangeError(`Mismatched shapes for matmul: ${A.rows} x ${A.cols} and ${B.rows} x ${B.cols}`);
  if (out.rows !== A.rows || out.cols !== B.cols)
    throw new RangeError(`Invalid output shape: ${out.rows} x ${out.cols}`);
  if (out.data === A.data || out.data === B.data)
    throw new RangeError("Invalid output: matmul cannot write into an input");
  const { rows: m, cols: k } = A;
  const n = B.cols;
  out.data.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < k; l++) {
      const a = A.data[i * k + l];
      if (a === 0) continue;
      for (let j = 0; j < n; j++) out.data[i * n + j] += a * B.data[l * n + j];
    }
  }
  return out;
}
