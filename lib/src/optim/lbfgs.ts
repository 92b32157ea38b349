import type { TestFunction } from "../core/types";
import { checkFinite, checkInteger, checkOptionKeys, checkPositive } from "../core/validate";

/** Options of {@link lbfgs} (torch.optim.LBFGS's names where they exist). */
export interface LbfgsOptions {
  /** Maximum number of iterations (default 100). */
  maxIter: number;
  /** Number of (s, y) pairs kept (default 10; torch's default is 100). */
  historySize: number;
  /** Stop when max |g_i| <= toleranceGrad (default 1e-7). */
  toleranceGrad: number;
  /** Stop when the step or the change of f is below this (default 1e-9). */
  toleranceChange: number;
  /** Armijo constant c₁ of the backtracking line search (default 1e-4). */
  c1: number;
}

/** Defaults of {@link lbfgs}. */
export const LBFGS_DEFAULTS: LbfgsOptions = {
  maxIter: 100,
  historySize: 10,
  toleranceGrad: 1e-7,
  toleranceChange: 1e-9,
  c1: 1e-4,
};

/** What {@link lbfgs} records. */
export interface LbfgsResult {
  /** The iterates x_0 ... x_k. */
  xs: Float64Array[];
  /** f at each iterate. */
  losses: Float64Array;
  /** Number of function-and-gradient evaluations, line-search trials included. */
  evaluations: number;
  /** Why it stopped: "gradient", "change" or "maxIter". */
  reason: "gradient" | "change" | "maxIter";
}

/**
 * Limited-memory BFGS for a full-batch (noise-free) problem: a quasi-Newton direction built from the
 * last m steps s_i = x_{i+1} - x_i and gradient changes y_i = g_{i+1} - g_i by the two-loop recursion
 * (an approximation of H⁻¹g in O(mn) time and memory, no Hessian), then a backtracking line search that
 * halves the step until the Armijo condition holds.
 *
 * $$\begin{aligned} & q \leftarrow g_k; \quad \textbf{for } i = k-1 \dots k-m: \; \rho_i = 1 / y_i^\top s_i, \;
 *   a_i \leftarrow \rho_i s_i^\top q, \; q \leftarrow q - a_i y_i \\
 * & r \leftarrow \gamma_k q, \quad \gamma_k = s_{k-1}^\top y_{k-1} / y_{k-1}^\top y_{k-1} \\
 * & \textbf{for } i = k-m \dots k-1: \; b \leftarrow \rho_i y_i^\top r, \; r \leftarrow r + s_i (a_i - b) \\
 * & d_k \leftarrow -r; \quad \text{find } t \in \{1, \tfrac12, \tfrac14, \dots\}: \;
 *   f(x_k + t d_k) \le f(x_k) + c_1 t\, g_k^\top d_k \\
 * & x_{k+1} \leftarrow x_k + t d_k \end{aligned}$$
 *
 * The first step has no history: d = -g with trial size min(1, 1/‖g‖₁), as torch. Pairs with
 * yᵀs <= 1e-10 are skipped (the curvature condition keeps the approximation positive definite).
 * Unlike torch.optim.LBFGS (no line search by default, or strong Wolfe), this one uses Armijo
 * backtracking: a teaching version, a few dozen lines.
 *
 * @param fn the function (f and grad are used)
 * @param x0 the start point (not modified)
 * @param options see {@link LbfgsOptions}
 * @example
 * const run = lbfgs(rosenbrock, [-1.5, 2], { maxIter: 200 });
 * run.reason; //=> "gradient"
 * run.xs[run.xs.length - 1]; //=> Float64Array [1, 1] (to about 1e-8)
 * @see Nocedal and Wright, Numerical Optimization, 2nd ed., Algorithm 7.4 (2006)
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.LBFGS.html
 */
export function lbfgs(
  fn: TestFunction,
  x0: ArrayLike<number>,
  options: Partial<LbfgsOptions> = {},
): LbfgsResult {
  checkOptionKeys("lbfgs", options, {
    maxIter: true,
    historySize: true,
    toleranceGrad: true,
    toleranceChange: true,
    c1: true,
  });
  const o = { ...LBFGS_DEFAULTS, ...options };
  checkInteger("maxIter", o.maxIter, 0);
  checkInteger("historySize", o.historySize, 1);
  checkPositive("toleranceGrad", o.toleranceGrad);
  checkPositive("toleranceChange", o.toleranceChange);
  checkPositive("c1", o.c1);
  checkFinite("start point x0", x0);
  const n = x0.length;
  const m = o.historySize;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const trial = new Float64Array(n);
  const gNew = new Float64Array(n);
  const sHist = Array.from({ length: m }, () => new Float64Array(n));
  const yHist = Array.from({ length: m }, () => new Float64Array(n));
  const rhoHist = new Float64Array(m);
  const alpha = new Float64Array(m);
  let stored = 0;
  let newest = -1;
  let fx = fn.f(x);
  fn.grad(x, g);
  let evaluations = 1;
  const xs = [x.slice()];
  const losses = [fx];
  let reason: LbfgsResult["reason"] = "maxIter";
  for (let k = 0; k < o.maxIter; k++) {
    if (maxAbs(g) <= o.toleranceGrad) {
      reason = "gradient";
      break;
    }
    // two-loop recursion: d = -H_k g
    for (let i = 0; i < n; i++) d[i] = g[i];
    for (let j = 0; j < stored; j++) {
      const idx = (newest - j + m) % m;
      alpha[idx] = rhoHist[idx] * dot(sHist[idx], d);
      axpyInPlace(-alpha[idx], yHist[idx], d);
    }
    if (stored > 0) {
      const gamma = dot(sHist[newest], yHist[newest]) / dot(yHist[newest], yHist[newest]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let j = stored - 1; j >= 0; j--) {
      const idx = (newest - j + m) % m;
      const b = rhoHist[idx] * dot(yHist[idx], d);
      axpyInPlace(alpha[idx] - b, sHist[idx], d);
    }
    for (let i = 0; i < n; i++) d[i] = -d[i];
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // not a descent direction (numerical trouble): restart from steepest descent
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
      stored = 0;
    }
    // backtracking (Armijo) line search
    let t = k === 0 ? Math.min(1, 1 / sumAbs(g)) : 1;
    let fTrial = Infinity;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) trial[i] = x[i] + t * d[i];
      fTrial = fn.f(trial);
      evaluations += 1;
      if (fTrial <= fx + o.c1 * t * slope) break;
      t /= 2;
    }
    fn.grad(trial, gNew);
    const slot = (newest + 1) % m;
    const s = sHist[slot];
    const y = yHist[slot];
    for (let i = 0; i < n; i++) {
      s[i] = trial[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const ys = dot(y, s);
    if (ys > 1e-10) {
      rhoHist[slot] = 1 / ys;
      newest = slot;
      stored = Math.min(stored + 1, m);
    }
    const change = Math.abs(fTrial - fx);
    const stepMax = maxAbs(s);
    x.set(trial);
    g.set(gNew);
    fx = fTrial;
    xs.push(x.slice());
    losses.push(fx);
    if (stepMax <= o.toleranceChange || change < o.toleranceChange) {
      reason = maxAbs(g) <= o.toleranceGrad ? "gradient" : "change";
      break;
    }
  }
  if (reason === "maxIter" && maxAbs(g) <= o.toleranceGrad) reason = "gradient";
  return { xs, losses: Float64Array.from(losses), evaluations, reason };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpyInPlace(alpha: number, x: Float64Array, y: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) y[i] += alpha * x[i];
  return y;
}

function maxAbs(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = Math.max(s, Math.abs(a[i]));
  return s;
}

function sumAbs(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]);
  return s;
}
