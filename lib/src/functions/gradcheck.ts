import type { TestFunction } from "../core/types";
import { checkFinite, checkOptionKeys, checkPositive } from "../core/validate";

/** Options of {@link gradcheck}. */
export interface GradcheckOptions {
  /** Step of the central difference (default 1e-5: truncation error O(h²) ~ 1e-10, rounding ~ 1e-11·|f|). */
  h: number;
  /** Largest accepted error per coordinate (default 1e-6). */
  tol: number;
}

/** One coordinate of a {@link gradcheck} report. */
export interface GradcheckEntry {
  /** Coordinate index. */
  i: number;
  /** ∂f/∂x_i from `fn.grad`. */
  analytic: number;
  /** (f(x + h e_i) - f(x - h e_i)) / 2h. */
  numeric: number;
  /** |analytic - numeric| / max(1, |analytic|, |numeric|). */
  error: number;
}

/** The result of {@link gradcheck}. */
export interface GradcheckResult {
  /** True when every coordinate's error is <= tol. */
  ok: boolean;
  /** The largest error over the coordinates. */
  maxError: number;
  /** Per-coordinate details. */
  entries: GradcheckEntry[];
}

/**
 * Checks an analytic gradient against central differences at the point `x` (lecture §0: always use the
 * analytic gradient, check it with a numeric one). `x` is not modified.
 *
 * $$\begin{aligned} \tilde g_i &= \frac{f(x + h e_i) - f(x - h e_i)}{2h} \\
 * \text{error}_i &= \frac{|g_i - \tilde g_i|}{\max(1, |g_i|, |\tilde g_i|)} \end{aligned}$$
 *
 * @param fn anything with `f` and `grad` (a {@link TestFunction}).
 * @param x the point (length n >= 1, finite).
 * @param options `h` (default 1e-5) and `tol` (default 1e-6).
 * @example
 * const r = gradcheck(rosenbrock, Float64Array.of(-1.5, 2));
 * r.ok; //=> true
 * r.maxError < 1e-8; //=> true
 */
export function gradcheck(
  fn: Pick<TestFunction, "f" | "grad">,
  x: Float64Array,
  options: Partial<GradcheckOptions> = {},
): GradcheckResult {
  checkOptionKeys("gradcheck", options, { h: true, tol: true });
  const h = options.h ?? 1e-5;
  const tol = options.tol ?? 1e-6;
  checkPositive("step h", h);
  checkPositive("tolerance", tol);
  if (x.length === 0) throw new RangeError("Invalid point: gradcheck needs at least 1 coordinate, got 0");
  checkFinite("point", x);
  const n = x.length;
  const g = fn.grad(x, new Float64Array(n));
  const xp = Float64Array.from(x);
  const entries: GradcheckEntry[] = [];
  let maxError = 0;
  for (let i = 0; i < n; i++) {
    xp[i] = x[i] + h;
    const fPlus = fn.f(xp);
    xp[i] = x[i] - h;
    const fMinus = fn.f(xp);
    xp[i] = x[i];
    const numeric = (fPlus - fMinus) / (2 * h);
    const error = Math.abs(g[i] - numeric) / Math.max(1, Math.abs(g[i]), Math.abs(numeric));
    // A NaN error (a NaN gradient or value) must fail the check, so compare with !(error <= maxError).
    if (!(error <= maxError)) maxError = error;
    entries.push({ i, analytic: g[i], numeric, error });
  }
  return { ok: maxError <= tol, maxError, entries };
}
