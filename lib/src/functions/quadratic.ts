import type { Matrix, TestFunction } from "../core/types";
import { checkFinite, checkOptionKeys } from "../core/validate";
import { checkPoint } from "./checkPoint";

/** Options of {@link quadratic}. */
export interface QuadraticOptions {
  /** Identifier (default "quadratic"). */
  name: string;
  /** LaTeX formula (default "\\tfrac12 x^\\top Q x + c^\\top x"). */
  tex: string;
  /** Plotting box (2D default [[-5, 5], [-5, 5]]). */
  domain: [number, number][];
}

/**
 * Any quadratic f(x) = ½ xᵀQx + cᵀx (the local model of every smooth loss near a minimum, lecture §3).
 * Q is square (n x n); a non-symmetric Q acts through its symmetric part. The minimizer -Q⁻¹c is listed
 * in `minima` for n <= 3 when Q is invertible.
 *
 * $$\begin{aligned} f(x) &= \tfrac12 x^\top Q x + c^\top x \\ \nabla f(x) &= \tfrac12 (Q + Q^\top) x + c \\
 * \nabla^2 f &= \tfrac12 (Q + Q^\top) \end{aligned}$$
 *
 * @param Q the n x n matrix (row-major).
 * @param c the linear term (length n; default zeros).
 * @example
 * const q = quadratic({ rows: 2, cols: 2, data: Float64Array.of(2, 0, 0, 4) }, Float64Array.of(1, 1));
 * q.f(Float64Array.of(1, 1)); //=> 5
 * q.grad(Float64Array.of(1, 1), new Float64Array(2)); //=> Float64Array [3, 5]
 */
export function quadratic(
  Q: Matrix,
  c: Float64Array = new Float64Array(Q.rows),
  options: Partial<QuadraticOptions> = {},
): TestFunction {
  checkOptionKeys("quadratic", options, { name: true, tex: true, domain: true });
  const n = Q.rows;
  if (Q.cols !== n || Q.data.length !== n * n || n === 0) {
    throw new RangeError(`Invalid quadratic matrix: expected a square matrix, got ${Q.rows} x ${Q.cols}`);
  }
  if (c.length !== n) throw new RangeError(`Invalid linear term: expected length ${n}, got ${c.length}`);
  checkFinite("quadratic matrix", Q.data);
  checkFinite("linear term", c);
  const name = options.name ?? "quadratic";
  // The symmetric part S = (Q + Q^T) / 2: gradient and Hessian use it.
  const S = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) S[i * n + j] = (Q.data[i * n + j] + Q.data[j * n + i]) / 2;
  const cc = Float64Array.from(c);
  const fn: TestFunction = {
    name,
    dim: n,
    tex: options.tex ?? "\\tfrac12 x^\\top Q x + c^\\top x",
    f(x) {
      checkPoint(name, n, x);
      let s = 0;
      for (let i = 0; i < n; i++) {
        let qi = 0;
        for (let j = 0; j < n; j++) qi += S[i * n + j] * x[j];
        s += x[i] * (0.5 * qi + cc[i]);
      }
      return s;
    },
    grad(x, out) {
      checkPoint(name, n, x);
      for (let i = 0; i < n; i++) {
        let qi = cc[i];
        for (let j = 0; j < n; j++) qi += S[i * n + j] * x[j];
        out[i] = qi;
      }
      return out;
    },
    hessian(_x, out) {
      out.set(S);
      return out;
    },
    domain:
      options.domain ??
      (n === 2
        ? [
            [-5, 5],
            [-5, 5],
          ]
        : undefined),
  };
  const xStar = n <= 3 ? solveSmall(S, cc, n) : undefined;
  if (xStar) fn.minima = [xStar];
  return fn;
}

/** Solves S x = -c by Gaussian elimination with partial pivoting (n <= 3); undefined if singular. */
function solveSmall(S: Float64Array, c: Float64Array, n: number): number[] | undefined {
  const a = Array.from({ length: n }, (_, i) => [...S.subarray(i * n, i * n + n), -c[i]]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[p][k])) p = i;
    if (Math.abs(a[p][k]) < 1e-14) return undefined;
    [a[k], a[p]] = [a[p], a[k]];
    for (let i = k + 1; i < n; i++) {
      const m = a[i][k] / a[k][k];
      for (let j = k; j <= n; j++) a[i][j] -= m * a[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = a[i][n];
    for (let j = i + 1; j < n; j++) s -= a[i][j] * x[j];
    x[i] = s / a[i][i];
  }
  return x;
}
