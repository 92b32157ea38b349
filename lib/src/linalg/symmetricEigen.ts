import type { Matrix } from "../core/types";
import { checkSymmetric } from "./checkSquare";

/** The result of {@link symmetricEigen}. */
export interface SymmetricEigen {
  /** Eigenvalues, ascending. */
  values: Float64Array;
  /** Unit eigenvectors as the COLUMNS of an n x n matrix, in the order of `values` (A V = V diag(values)). */
  vectors: Matrix;
}

/**
 * Eigen-decomposition of a symmetric matrix by the cyclic Jacobi method (rotations that zero one
 * off-diagonal pair at a time until the off-diagonal mass is below 1e-15 of the matrix's norm): accurate
 * to rounding for the small matrices of the lessons. A = V Λ Vᵀ.
 *
 * $$\begin{aligned} A &= V \Lambda V^\top, \quad \lambda_1 \le \dots \le \lambda_n, \quad V^\top V = I \end{aligned}$$
 *
 * @param A a symmetric n x n matrix (checked to 1e-12 relative).
 * @example
 * symmetricEigen(fromRows([[2, 1], [1, 2]])).values; //=> Float64Array [1, 3]
 */
export function symmetricEigen(A: Matrix): SymmetricEigen {
  checkSymmetric("symmetric matrix", A);
  const n = A.rows;
  const a = Float64Array.from(A.data);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let norm = 0;
  for (const x of a) norm += x * x;
  const tol = 1e-30 * norm;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += 2 * a[p * n + q] * a[p * n + q];
    if (off <= tol) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        // Rotation angle that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.5.1: symSchur2).
        const tau = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        // A <- Jᵀ A J: rows and columns p, q rotate; the pivot entries use the exact-zero update
        // (a_pq becomes 0, a_pp and a_qq move by t·a_pq), which keeps small integer spectra exact.
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = a[p * n + k] = c * akp - s * akq;
          a[k * n + q] = a[q * n + k] = s * akp + c * akq;
        }
        a[p * n + p] -= t * apq;
        a[q * n + q] += t * apq;
        a[p * n + q] = a[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i] - a[j * n + j]);
  const values = Float64Array.from(order, (i) => a[i * n + i]);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    // Sign convention: the largest-magnitude entry of each eigenvector is positive.
    let big = 0;
    for (let k = 0; k < n; k++) if (Math.abs(v[k * n + src]) > Math.abs(big)) big = v[k * n + src];
    const sign = big < 0 ? -1 : 1;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = sign * v[k * n + src];
  });
  return { values, vectors: { rows: n, cols: n, data: vectors } };
}
