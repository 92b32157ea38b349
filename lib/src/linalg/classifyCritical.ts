import type { Matrix } from "../core/types";
import { leadingMinors } from "./leadingMinors";
import { symmetricEigen } from "./symmetricEigen";

/** What a critical point (zero gradient) is, judged by its Hessian. */
export type CriticalKind = "minimum" | "maximum" | "saddle" | "degenerate";

/** The result of {@link classifyCritical}. */
export interface CriticalPoint {
  kind: CriticalKind;
  /** Hessian eigenvalues, ascending. */
  eigenvalues: Float64Array;
  /** Leading principal minors D1, D2, ... (the lessons' 2D test: D1 = f_xx, D2 = f_xx f_yy - f_xy²). */
  minors: number[];
}

/**
 * The second-derivative test at a critical point (lecture §0): all Hessian eigenvalues > 0: a local
 * minimum; all < 0: a local maximum; both signs: a saddle; otherwise (a zero eigenvalue, within
 * `tol` · the largest |λ|): degenerate, the test says nothing. In 2D this is the lessons' D1, D2 rule
 * (D2 > 0 and D1 > 0: minimum; D2 > 0 and D1 < 0: maximum; D2 < 0: saddle).
 *
 * @param hessian the symmetric Hessian at the point.
 * @param tol relative tolerance for a zero eigenvalue (default 1e-10).
 * @example
 * classifyCritical(fromRows([[6, -3], [-3, 6]])); //=> { kind: "minimum", eigenvalues: [3, 9], minors: [6, 27] }
 * classifyCritical(fromRows([[2, 0], [0, -2]])).kind; //=> "saddle"
 */
export function classifyCritical(hessian: Matrix, tol = 1e-10): CriticalPoint {
  const { values } = symmetricEigen(hessian);
  const minors = leadingMinors(hessian);
  const scale = Math.max(...Array.from(values, Math.abs));
  const zero = tol * scale;
  const pos = values.some((v) => v > zero);
  const neg = values.some((v) => v < -zero);
  const hasZero = scale === 0 || values.some((v) => Math.abs(v) <= zero);
  let kind: CriticalKind;
  if (pos && neg) kind = "saddle";
  else if (hasZero) kind = "degenerate";
  else kind = pos ? "minimum" : "maximum";
  return { kind, eigenvalues: values, minors };
}
