import type { Matrix } from "../core/types";
import { checkSquare } from "./checkSquare";
import { matmul } from "./matmul";
import { symmetricEigen } from "./symmetricEigen";
import { transpose } from "./transpose";

/**
 * The condition number κ(A) = σ_max / σ_min, the ratio of the largest to the smallest singular value
 * (lecture §1, §3): for a symmetric A, |λ|_max / |λ|_min. A large κ is a narrow valley where gradient
 * descent zigzags. Infinity for a singular matrix.
 *
 * $$\begin{aligned} \kappa(A) &= \frac{\sigma_{\max}(A)}{\sigma_{\min}(A)} = \frac{|\lambda|_{\max}}{|\lambda|_{\min}} \ (A = A^\top) \end{aligned}$$
 *
 * @example
 * conditionNumber(fromRows([[0.2, 0], [0, 4]])); //=> 20
 */
export function conditionNumber(A: Matrix): number {
  checkSquare("matrix", A);
  const n = A.rows;
  let symmetric = true;
  for (let i = 0; i < n && symmetric; i++) {
    for (let j = i + 1; j < n; j++) if (A.data[i * n + j] !== A.data[j * n + i]) symmetric = false;
  }
  let sigmas: number[];
  if (symmetric) {
    sigmas = Array.from(symmetricEigen(A).values, Math.abs);
  } else {
    // Singular values are the square roots of the eigenvalues of AᵀA (symmetrized against rounding).
    const ata = matmul(transpose(A), A);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) ata.data[j * n + i] = ata.data[i * n + j];
    sigmas = Array.from(symmetricEigen(ata).values, (x) => Math.sqrt(Math.max(0, x)));
  }
  const max = Math.max(...sigmas);
  const min = Math.min(...sigmas);
  return min === 0 ? Infinity : max / min;
}
