import type { Matrix } from "../core/types";
import type { Rng } from "../core/random";
import { checkInteger } from "../core/validate";

/**
 * A random n x n orthogonal matrix U (UᵀU = I), uniformly distributed (Haar): the Q factor of the QR
 * decomposition of a seeded standard Gaussian matrix, with signs fixed so that R's diagonal is positive
 * (Mezzadri 2007). Used to rotate quadratics (lecture §3, §8: ||Uc - Uδ|| = ||c - δ||).
 *
 * $$\begin{aligned} G &\sim \mathcal N(0, 1)^{n \times n}, \quad G = QR, \quad U = Q \operatorname{diag}(\operatorname{sign} r_{ii}) \end{aligned}$$
 *
 * @param n the size (an integer >= 1).
 * @param rng a seeded generator (`seeded(seed)`).
 * @example
 * const U = randomOrthogonal(3, seeded(1));
 * // U Uᵀ = I to rounding; the same seed gives the same U.
 */
export function randomOrthogonal(n: number, rng: Rng): Matrix {
  checkInteger("size", n, 1);
  // Columns of G, orthonormalized by modified Gram-Schmidt, applied twice for stability.
  const q = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) q[i] = rng.normal();
  for (let j = 0; j < n; j++) {
    let rjj = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i * n + k] * q[i * n + j];
        for (let i = 0; i < n; i++) q[i * n + j] -= dot * q[i * n + k];
      }
    }
    for (let i = 0; i < n; i++) rjj += q[i * n + j] * q[i * n + j];
    rjj = Math.sqrt(rjj);
    // Gram-Schmidt gives R's diagonal r_jj > 0 already: the Haar sign fix is built in.
    for (let i = 0; i < n; i++) q[i * n + j] /= rjj;
  }
  return { rows: n, cols: n, data: q };
}
