import type { Disc } from "./gerschgorinDiscs";
import type { ComplexEigenvalues } from "./eigenvalues";

/**
 * Whether every eigenvalue lies in at least one of the discs |λ - center| <= radius (with a relative
 * tolerance `tol` for rounding): Gerschgorin's theorem says it does for the discs of M (lecture §8).
 * Real eigenvalues can be given as a plain array.
 *
 * $$\begin{aligned} \forall \lambda\ \exists j: \ |\lambda - c_j| &\le r_j (1 + \mathrm{tol}) + \mathrm{tol} \end{aligned}$$
 *
 * @example
 * inGerschgorinDiscs([3.81, 9.19], [{ center: 4, radius: 1 }, { center: 9, radius: 1 }]); //=> true
 * inGerschgorinDiscs([2], [{ center: 4, radius: 1 }]); //=> false
 */
export function inGerschgorinDiscs(
  eigs: ArrayLike<number> | ComplexEigenvalues,
  discs: readonly Disc[],
  tol = 1e-9,
): boolean {
  const re: ArrayLike<number> = "re" in eigs ? eigs.re : eigs;
  const im: ArrayLike<number> | null = "im" in eigs ? eigs.im : null;
  if (!Array.isArray(discs)) throw new TypeError(`Invalid discs: ${String(discs)}`);
  for (let i = 0; i < re.length; i++) {
    const x = re[i];
    const y = im ? im[i] : 0;
    const inside = discs.some(
      (d) => Math.hypot(x - d.center, y) <= d.radius * (1 + tol) + tol * Math.max(1, Math.abs(d.center)),
    );
    if (!inside) return false;
  }
  return true;
}
