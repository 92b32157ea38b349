import type { TestFunction } from "../core/types";
import { checkFinite, checkInteger, checkNonNegative, checkOptionKeys } from "../core/validate";

/** Options of {@link newton}. */
export interface NewtonOptions {
  /** Number of Newton steps. */
  steps: number;
  /** δ added to the Hessian's diagonal before solving (default 0: the pure Newton step). */
  damping?: number;
}

/** What {@link newton} records: the iterates x_0 ... x_steps and f at each of them. */
export interface NewtonResult {
  xs: Float64Array[];
  losses: Float64Array;
}

/**
 * Newton's method: minimizes the local quadratic model f(x) + gᵀd + ½ dᵀHd at each step, i.e. jumps to the
 * point where the model's gradient vanishes. On a convex quadratic that is the minimum, in one step; on a
 * non-convex function it is whatever critical point the model has: a maximum or a saddle just as well.
 *
 * $$\begin{aligned} & g_t \leftarrow \nabla f(x_{t-1}), \quad H_t \leftarrow \nabla^2 f(x_{t-1}) \\
 * & d_t \leftarrow (H_t + \delta I)^{-1} g_t \\
 * & x_t \leftarrow x_{t-1} - d_t \end{aligned}$$
 *
 * The solve is Gaussian elimination with partial pivoting: O(n³) time and O(n²) memory per step, which
 * is why nobody does this for a network with millions of weights.
 *
 * @param fn a test function with a `hessian`
 * @param x0 the start point (not modified)
 * @param options.steps number of steps
 * @param options.damping δ, default 0
 * @example
 * const run = newton(d2lQuadratic, [-5, -2], { steps: 1 });
 * run.xs[1]; //=> Float64Array [0, 0]
 */
export function newton(fn: TestFunction, x0: ArrayLike<number>, options: NewtonOptions): NewtonResult {
  checkOptionKeys("newton", options, { steps: true, damping: true });
  const { steps, damping = 0 } = options;
  checkInteger("number of steps", steps, 0);
  checkNonNegative("damping", damping);
  checkFinite("start point x0", x0);
  const hessian = fn.hessian;
  if (!hessian) throw new TypeError(`Newton's method needs a Hessian: ${fn.name} has none`);
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const h = new Float64Array(n * n);
  const xs = [x.slice()];
  const losses = new Float64Array(steps + 1);
  losses[0] = fn.f(x);
  for (let t = 1; t <= steps; t++) {
    fn.grad(x, g);
    hessian.call(fn, x, h);
    for (let i = 0; i < n; i++) h[i * n + i] += damping;
    if (!solveInPlace(h, g, n)) {
      throw new RangeError(`Singular Hessian at step ${t}, x = [${Array.from(x).join(", ")}]`);
    }
    for (let i = 0; i < n; i++) x[i] -= g[i];
    xs.push(x.slice());
    losses[t] = fn.f(x);
  }
  return { xs, losses };
}

/** Solves A d = b in place (A is destroyed, b becomes d); false when A is singular. */
function solveInPlace(a: Float64Array, b: Float64Array, n: number): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]) > Math.abs(a[p * n + k])) p = i;
    if (Math.abs(a[p * n + k]) < 1e-300) return false;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const tmp = a[k * n + j];
        a[k * n + j] = a[p * n + j];
        a[p * n + j] = tmp;
      }
      const tb = b[k];
      b[k] = b[p];
      b[p] = tb;
    }
    for (let i = k + 1; i < n; i++) {
      const m = a[i * n + k] / a[k * n + k];
      for (let j = k; j < n; j++) a[i * n + j] -= m * a[k * n + j];
      b[i] -= m * b[k];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= a[i * n + j] * b[j];
    b[i] = s / a[i * n + i];
  }
  return true;
}
