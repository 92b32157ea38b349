import type { Matrix } from "../core/types";
import { checkSquare } from "./checkSquare";

/**
 * Diagonal (Jacobi) preconditioning Q̃ = diag^{-1/2}(Q) Q diag^{-1/2}(Q) (lecture §3, §8): unit diagonal,
 * so every Gerschgorin disc is centred at 1; Adagrad approximates it with its running Σg².
 *
 * $$\begin{aligned} \tilde Q_{ij} &= \frac{Q_{ij}}{\sqrt{Q_{ii} Q_{jj}}} \end{aligned}$$
 *
 * @param Q a square matrix with a positive diagonal.
 * @example
 * toRows(diagonalPrecondition(fromRows([[100, 5], [5, 1]]))); //=> [[1, 0.5], [0.5, 1]]
 */
export function diagonalPrecondition(
  Q: Matrix,
  out: Matrix = { rows: Q.rows, cols: Q.cols, data: new Float64Array(Q.rows * Q.cols) },
): Matrix {
  checkSquare("matrix", Q);
  const n = Q.rows;
  if (out.rows !== n || out.cols !== n)
    throw new RangeError(`Invalid output shape: ${out.rows} x ${out.cols}`);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = Q.data[i * n + i];
    if (!(d > 0)) throw new RangeError(`Invalid matrix: diagonal entry ${i} is ${d}, expected > 0`);
    s[i] = 1 / Math.sqrt(d);
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) out.data[i * n + j] = Q.data[i * n + j] * s[i] * s[j];
  return out;
}
