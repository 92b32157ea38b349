import { checkFinite, checkInteger } from "../core/validate";

/**
 * Simple moving average over a window of k values (lecture §4): out[i] is the mean of
 * data[i] ... data[i + k - 1], so there are n - k + 1 values (none when n < k). A running sum with
 * Neumaier compensation keeps long series (a 5,000-step window over 460,000 losses) exact to rounding.
 *
 * $$\begin{aligned} \text{SMA}_i &= \frac{1}{k} \sum_{j=i}^{i+k-1} s_j \end{aligned}$$
 *
 * @param data the series (finite).
 * @param window k (an integer >= 1).
 * @param out output of length >= n - k + 1 (default a new array of that length); returned.
 * @example
 * sma(Float64Array.of(3, 8, 6, 5, 1, 7, 9, 0, 8, 4), 2);
 * //=> Float64Array [5.5, 7, 5.5, 3, 4, 8, 4.5, 4, 6]
 */
export function sma(
  data: Float64Array,
  window: number,
  out: Float64Array = new Float64Array(Math.max(0, data.length - window + 1)),
): Float64Array {
  checkInteger("window", window, 1);
  checkFinite("data", data);
  const m = Math.max(0, data.length - window + 1);
  if (out.length < m) throw new RangeError(`Invalid output: length ${out.length} < ${m}`);
  let sum = 0;
  let comp = 0;
  const add = (v: number): void => {
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  };
  for (let i = 0; i < Math.min(window, data.length); i++) add(data[i]);
  for (let i = 0; i < m; i++) {
    out[i] = (sum + comp) / window;
    if (i + window < data.length) {
      add(data[i + window]);
      add(-data[i]);
    }
  }
  return out;
}
