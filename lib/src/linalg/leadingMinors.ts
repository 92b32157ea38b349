import type { Matrix } from "../core/types";
import { checkSquare } from "./checkSquare";

/**
 * The leading principal minors D_1, ..., D_n: D_k is the determinant of the top-left k x k block
 * (Sylvester's criterion: all D_k > 0 iff A is positive definite). Computed by Gaussian elimination
 * with partial pivoting on each block.
 *
 * $$\begin{aligned} D_k &= \det\big(A_{1..k,\,1..k}\big) \end{aligned}$$
 *
 * @example
 * leadingMinors(fromRows([[6, -3], [-3, 6]])); //=> [6, 27]
 */
export function leadingMinors(A: Matrix): number[] {
  checkSquare("matrix", A);
  const n = A.rows;
  const out: number[] = [];
  for (let k = 1; k <= n; k++) out.push(determinant(A, k));
  return out;
}

/** Determinant of the top-left k x k block of A. */
function determinant(A: Matrix, k: number): number {
  const n = A.cols;
  const a = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) a[i * k + j] = A.data[i * n + j];
  let det = 1;
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let i = c + 1; i < k; i++) if (Math.abs(a[i * k + c]) > Math.abs(a[p * k + c])) p = i;
    if (a[p * k + c] === 0) return 0;
    if (p !== c) {
      for (let j = 0; j < k; j++) {
        const t = a[c * k + j];
        a[c * k + j] = a[p * k + j];
        a[p * k + j] = t;
      }
      det = -det;
    }
    det *= a[c * k + c];
    for (let i = c + 1; i < k; i++) {
      const m = a[i * k + c] / a[c * k + c];
      for (let j = c; j < k; j++) a[i * k + j] -= m * a[c * k + j];
    }
  }
  return det;
}
