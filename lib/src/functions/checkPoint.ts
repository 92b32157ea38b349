/**
 * Internal check shared by the test functions: a fixed-dimension function throws, naming itself and the
 * length it got, when called with a point of the wrong length (never a silent NaN).
 */
export function checkPoint(name: string, dim: number, x: ArrayLike<number>): void {
  if (x.length !== dim) {
    throw new RangeError(`${name} expects a point with ${dim} coordinates, got ${x.length}`);
  }
}

/** Internal check for the functions that sum over any number of coordinates (dim 0). */
export function checkNonEmpty(name: string, x: ArrayLike<number>): void {
  if (x.length === 0) throw new RangeError(`${name} expects a point with at least 1 coordinate, got 0`);
}
