import { checkFinite, checkOptionKeys, checkUnitInterval } from "../core/validate";

/** Options of {@link ema}. */
export interface EmaOptions {
  /**
   * "zero": V₀ = 0, so V₁ = (1 - ρ) s₁ (the optimizers' form, biased toward 0 early);
   * "first": V₁ = s₁ (the slides' table). Default "zero".
   */
  start: "zero" | "first";
  /** Divide V_t by 1 - ρ^t (Adam's bias correction; meaningful with start "zero"). Default false. */
  biasCorrection: boolean;
}

/**
 * Exponential moving average of a series (lecture §4): out[t-1] = V_t for t = 1 ... n.
 *
 * $$\begin{aligned} V_0 &= 0 \quad (\text{start "zero"}) \\ V_t &= \rho V_{t-1} + (1 - \rho) s_t
 * \quad (V_1 = s_1 \text{ with start "first"}) \\ \hat V_t &= V_t / (1 - \rho^t) \quad (\text{biasCorrection}) \end{aligned}$$
 *
 * @param data the series s₁ ... s_n (finite).
 * @param rho ρ in [0, 1) (the finance convention's α is 1 - ρ: see {@link financeAlpha}).
 * @param options start and biasCorrection.
 * @param out output of length >= n (default new); returned.
 * @example
 * ema(Float64Array.of(3, 8, 6, 5), 0.5, { start: "first" }); //=> Float64Array [3, 5.5, 5.75, 5.375]
 * ema(Float64Array.of(3, 8), 0.5); //=> Float64Array [1.5, 4.75]
 * ema(Float64Array.of(3, 8), 0.5, { biasCorrection: true }); //=> Float64Array [3, 6.333333333333333]
 */
export function ema(
  data: Float64Array,
  rho: number,
  options: Partial<EmaOptions> = {},
  out: Float64Array = new Float64Array(data.length),
): Float64Array {
  checkOptionKeys("ema", options, { start: true, biasCorrection: true });
  const { start = "zero", biasCorrection = false } = options;
  checkUnitInterval("rho", rho);
  checkFinite("data", data);
  if (start !== "zero" && start !== "first") throw new RangeError(`Invalid start: ${String(start)}`);
  if (out.length < data.length) throw new RangeError(`Invalid output: length ${out.length} < ${data.length}`);
  let v = 0;
  let rhoT = 1;
  for (let i = 0; i < data.length; i++) {
    v = i === 0 && start === "first" ? data[0] : rho * v + (1 - rho) * data[i];
    rhoT *= rho;
    out[i] = biasCorrection ? v / (1 - rhoT) : v;
  }
  return out;
}
