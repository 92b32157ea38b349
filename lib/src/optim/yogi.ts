import { biasCorrection } from "../averages/biasCorrect";
import type { Optimizer } from "../core/types";
import { betasOptions, checkStart, checkStep } from "./checkOptimizerArgs";

/** Options of {@link yogi}. */
export type YogiOptions = {
  /** Learning rate η (default 1e-2, the paper's). */
  lr: number;
  /** [β₁, β₂] (default [0.9, 0.999]). */
  betas: [number, number];
  /** ε added to the denominator (default 1e-3, the paper's and D2L's). */
  eps: number;
};

/** State of {@link yogi}: the first moment m and the second-moment estimate v. */
export interface YogiState {
  step: number;
  expAvg: Float64Array;
  expAvgSq: Float64Array;
}

/** The paper's and D2L's values. */
export const YOGI_DEFAULTS: YogiOptions = { lr: 1e-2, betas: [0.9, 0.999], eps: 1e-3 };

/**
 * Yogi (Zaheer et al. 2018), as D2L 11.10 writes it: Adam whose second moment moves by a fixed
 * fraction of g² towards g², so v cannot shrink fast when gradients suddenly grow (v_t - v_{t-1} has
 * the size (1 - β₂) g_t², whatever v_{t-1} is).
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow \nabla f(x_{t-1}) \\
 * & m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t \\
 * & v_t \leftarrow v_{t-1} + (1 - \beta_2) \, \mathrm{sign}(g_t^2 - v_{t-1}) \, g_t^2 \\
 * & \hat m_t \leftarrow m_t / (1 - \beta_1^t) \\
 * & \hat v_t \leftarrow v_t / (1 - \beta_2^t) \\
 * & x_t \leftarrow x_{t-1} - \eta \, \hat m_t / (\sqrt{\hat v_t} + \epsilon)
 * \end{aligned}
 * $$
 *
 * Adam's line is v_t = v_{t-1} + (1 - β₂)(g_t² - v_{t-1}). D2L adds the bias corrections, the paper's
 * Algorithm 2 has none; with v₀ = 0 the first step is Adam's, η g / (|g| + ε).
 *
 * @param options.lr η, default 1e-2
 * @param options.betas [β₁, β₂], default [0.9, 0.999]
 * @param options.eps ε, default 1e-3
 * @example
 * const opt = yogi({ lr: 0.1 });
 * const x = Float64Array.of(1);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(2), s); // m̂ = 2, v̂ = 4, x = 1 - 0.1 * 2 / (2 + 0.001)
 * console.log(x[0].toFixed(8));
 * //=> 0.90004998
 * @see Zaheer, Reddi, Sachan, Kale, Kumar, Adaptive Methods for Nonconvex Optimization (NeurIPS 2018)
 * @see Dive into Deep Learning, section 11.10.3 Yogi (12.10.3 in the 2023 edition): https://d2l.ai/chapter_optimization/adam.html
 */
export function yogi(options: Partial<YogiOptions> = {}): Optimizer<YogiState, YogiOptions> {
  const o: YogiOptions = betasOptions("Yogi", options, YOGI_DEFAULTS);
  const [beta1, beta2] = o.betas;
  const { eps } = o;
  return {
    name: "Yogi",
    config: o,
    init(x) {
      checkStart(x);
      return { step: 0, expAvg: new Float64Array(x.length), expAvgSq: new Float64Array(x.length) };
    },
    step(x, g, s, lrOverride) {
      const lr = checkStep(x, g, s.expAvg.length, lrOverride, o.lr);
      s.step += 1;
      const biasCorrection1 = biasCorrection(beta1, s.step);
      const biasCorrection2 = biasCorrection(beta2, s.step);
      const { expAvg: m, expAvgSq: v } = s;
      for (let i = 0; i < x.length; i++) {
        const g2 = g[i] * g[i];
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = v[i] + (1 - beta2) * Math.sign(g2 - v[i]) * g2;
        const mHat = m[i] / biasCorrection1;
        const vHat = v[i] / biasCorrection2;
        x[i] = x[i] - (lr * mHat) / (Math.sqrt(vHat) + eps);
      }
      return x;
    },
  };
}
