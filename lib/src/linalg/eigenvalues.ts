import type { Matrix } from "../core/types";
import { checkSquare } from "./checkSquare";

/** Eigenvalues of a general real matrix: real and imaginary parts, index by index. */
export interface ComplexEigenvalues {
  re: Float64Array;
  im: Float64Array;
}

/**
 * The eigenvalues of any real square matrix, symmetric or not (complex in general), through mathjs's
 * `eigs` (mathjs is loaded on first use only). For symmetric matrices prefer `symmetricEigen` (real, with
 * eigenvectors). Used to check Gerschgorin's theorem on non-symmetric matrices (lecture §8, exercise 3).
 *
 * $$\begin{aligned} \det(M - \lambda I) &= 0, \quad \lambda = \mathrm{re} + i\,\mathrm{im} \end{aligned}$$
 *
 * @example
 * eigenvalues(fromRows([[0, -1], [1, 0]])); //=> { re: Float64Array [0, 0], im: Float64Array [1, -1] } (a 90° rotation)
 */
export function eigenvalues(M: Matrix): ComplexEigenvalues {
  checkSquare("matrix", M);
  const n = M.rows;
  const math = require("mathjs") as typeof import("mathjs");
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(M.data.subarray(i * n, i * n + n)));
  const values = math.eigs(rows, { eigenvectors: false }).values as unknown;
  const list = (Array.isArray(values) ? values : (values as { toArray(): unknown[] }).toArray()) as unknown[];
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  list.forEach((v, i) => {
    if (typeof v === "number") re[i] = v;
    else {
      const c = v as { re: number; im: number };
      re[i] = c.re;
      im[i] = c.im;
    }
  });
  return { re, im };
}
