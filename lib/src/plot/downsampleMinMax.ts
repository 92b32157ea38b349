import { checkInteger, checkSameLength } from "../core/validate";

/**
 * Downsamples a long series for plotting by keeping, in each of `buckets` equal runs of points, the
 * smallest and the largest value (in their order): at most 2·buckets points whose envelope is the
 * envelope of the data, so spikes survive. Returns new arrays; the input is unchanged. Series of at most
 * 2·buckets points are copied whole.
 * @example
 * downsampleMinMax(new Float64Array([0, 1, 2, 3]), new Float64Array([5, 1, 7, 2]), 1)
 * //=> { x: Float64Array [1, 2], y: Float64Array [1, 7] }
 */
export function downsampleMinMax(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  buckets: number,
): { x: Float64Array; y: Float64Array } {
  checkSameLength("x and y", x, y);
  checkInteger("number of buckets", buckets, 1);
  const n = y.length;
  if (n <= 2 * buckets) return { x: Float64Array.from(x), y: Float64Array.from(y) };
  const ox = new Float64Array(2 * buckets);
  const oy = new Float64Array(2 * buckets);
  let k = 0;
  for (let b = 0; b < buckets; b++) {
    const lo = Math.floor((b * n) / buckets);
    const hi = Math.floor(((b + 1) * n) / buckets);
    let iMin = lo;
    let iMax = lo;
    for (let i = lo + 1; i < hi; i++) {
      if (y[i] < y[iMin] || (y[iMin] !== y[iMin] && y[i] === y[i])) iMin = i;
      if (y[i] > y[iMax] || (y[iMax] !== y[iMax] && y[i] === y[i])) iMax = i;
    }
    const first = Math.min(iMin, iMax);
    const second = Math.max(iMin, iMax);
    ox[k] = x[first];
    oy[k++] = y[first];
    if (second !== first) {
      ox[k] = x[second];
      oy[k++] = y[second];
    }
  }
  return { x: ox.slice(0, k), y: oy.slice(0, k) };
}
