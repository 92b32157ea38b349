import { checkInteger, checkSameLength } from "../core/validate";

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013, "Downsampling Time Series for Visual
 * Representation", ch. 4): keeps the first and last points and, from each of `threshold - 2` buckets, the
 * point that makes the largest triangle with the point kept before it and the mean of the next bucket. A
 * smooth line (a moving average) keeps its shape with few points. Series of at most `threshold` points
 * are copied whole.
 * @example
 * lttb(new Float64Array([0, 1, 2, 3, 4]), new Float64Array([0, 5, 0, 0, 0]), 3).y
 * //=> Float64Array [0, 5, 0]
 */
export function lttb(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  threshold: number,
): { x: Float64Array; y: Float64Array } {
  checkSameLength("x and y", x, y);
  checkInteger("LTTB threshold", threshold, 3);
  const n = y.length;
  if (n <= threshold) return { x: Float64Array.from(x), y: Float64Array.from(y) };
  const ox = new Float64Array(threshold);
  const oy = new Float64Array(threshold);
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  ox[0] = x[0];
  oy[0] = y[0];
  for (let b = 0; b < threshold - 2; b++) {
    // Mean of the next bucket.
    const nextLo = Math.floor((b + 1) * every) + 1;
    const nextHi = Math.min(Math.floor((b + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextLo; i < nextHi; i++) {
      avgX += x[i];
      avgY += y[i];
    }
    const m = Math.max(nextHi - nextLo, 1);
    avgX /= m;
    avgY /= m;
    // The point of this bucket with the largest triangle.
    const lo = Math.floor(b * every) + 1;
    const hi = Math.floor((b + 1) * every) + 1;
    let best = lo;
    let bestArea = -1;
    for (let i = lo; i < hi; i++) {
      const area = Math.abs((x[a] - avgX) * (y[i] - y[a]) - (x[a] - x[i]) * (avgY - y[a]));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    ox[b + 1] = x[best];
    oy[b + 1] = y[best];
    a = best;
  }
  ox[threshold - 1] = x[n - 1];
  oy[threshold - 1] = y[n - 1];
  return { x: ox, y: oy };
}
