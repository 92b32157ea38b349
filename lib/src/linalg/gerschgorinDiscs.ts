import type { Matrix } from "../core/types";
import { checkSquare } from "./checkSquare";

/** One Gerschgorin disc: every eigenvalue lies in the union of the discs |λ - center| <= radius. */
export interface Disc {
  center: number;
  radius: number;
}

/**
 * The Gerschgorin discs of a square matrix, one per row (lecture §8, exercises 3-4): centred at the
 * diagonal entry, with radius the sum of the row's other absolute entries. Works for any square M,
 * symmetric or not; the eigenvalues (complex in general) lie in the union of the discs.
 *
 * $$\begin{aligned} c_j &= m_{jj}, \quad r_j = \textstyle\sum_{k \ne j} |m_{jk}| \end{aligned}$$
 *
 * @example
 * gerschgorinDiscs(fromRows([[1, 1/6, 1/4], [1/6, 1, 1/4], [1/4, 1/4, 1]]));
 * //=> [{ center: 1, radius: 5/12 }, { center: 1, radius: 5/12 }, { center: 1, radius: 0.5 }]
 */
export function gerschgorinDiscs(M: Matrix): Disc[] {
  checkSquare("matrix", M);
  const n = M.rows;
  const discs: Disc[] = [];
  for (let j = 0; j < n; j++) {
    let r = 0;
    for (let k = 0; k < n; k++) if (k !== j) r += Math.abs(M.data[j * n + k]);
    discs.push({ center: M.data[j * n + j], radius: r });
  }
  return discs;
}
