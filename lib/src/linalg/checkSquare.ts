import type { Matrix } from "../core/types";
import { checkFinite } from "../core/validate";

/** Internal: throws unless A is a non-empty square matrix of finite numbers, naming `what` and the shape. */
export function checkSquare(what: string, A: Matrix): void {
  if (A.rows !== A.cols || A.rows === 0 || A.data.length !== A.rows * A.cols) {
    throw new RangeError(`Invalid ${what}: expected a non-empty square matrix, got ${A.rows} x ${A.cols}`);
  }
  checkFinite(what, A.data);
}

/** Internal: throws unless A (square) is symmetric to a relative 1e-12, naming the first bad pair. */
export function checkSymmetric(what: string, A: Matrix): void {
  checkSquare(what, A);
  const n = A.rows;
  let scale = 0;
  for (const v of A.data) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = A.data[i * n + j];
      const b = A.data[j * n + i];
      if (Math.abs(a - b) > 1e-12 * scale) {
        throw new RangeError(
          `Invalid ${what}: not symmetric, entry (${i}, ${j}) is ${a} but (${j}, ${i}) is ${b}`,
        );
      }
    }
  }
}
