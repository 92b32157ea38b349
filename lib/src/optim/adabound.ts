import { biasCorrection } from "../averages/biasCorrect";
import type { Optimizer } from "../core/types";
import { checkNonNegative } from "../core/validate";
import { betasOptions, checkBoolean, checkStart, checkStep } from "./checkOptimizerArgs";

/** Options of {@link adabound}: the keyword arguments of the paper's code (Luolc/AdaBound), camelCase. */
export type AdaboundOptions = {
  /** Adam's learning rate γ (default 1e-3). */
  lr: number;
  /** [β₁, β₂] (default [0.9, 0.999]). */
  betas: [number, number];
  /** The SGD learning rate α* the bounds converge to (default 0.1). */
  finalLr: number;
  /** Speed β of the bounds' convergence (default 1e-3). */
  gamma: number;
  /** ε added to the denominator (default 1e-8). */
  eps: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** AMSBound: divide by the running maximum of v (default false). */
  amsbound: boolean;
};

/** State of {@link adabound}: m, v and (amsbound) the running maximum of v. */
export interface AdaboundState {
  step: number;
  expAvg: Float64Array;
  expAvgSq: Float64Array;
  maxExpAvgSq: Float64Array;
}

/** The paper's defaults. */
export const ADABOUND_DEFAULTS: AdaboundOptions = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  finalLr: 0.1,
  gamma: 1e-3,
  eps: 1e-8,
  weightDecay: 0,
  amsbound: false,
};

/**
 * AdaBound (Luo et al. 2019), as the paper's reference code: Adam whose per-coordinate step size is
 * clipped into a band [η_l(t), η_u(t)] that closes on the SGD rate α*, so the method starts as Adam
 * and ends as SGD.
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow \nabla f(\theta_{t-1}) \\
 * & \textbf{if } \lambda \neq 0: \; g_t \leftarrow g_t + \lambda \theta_{t-1} \\
 * & m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t \\
 * & v_t \leftarrow \beta_2 v_{t-1} + (1 - \beta_2) g_t^2 \\
 * & \textbf{if amsbound}: \; v_t \leftarrow \max(v^{max}_{t-1}, v_t) \text{ (kept as } v^{max}_t) \\
 * & d_t \leftarrow \sqrt{v_t} + \epsilon \\
 * & s_t \leftarrow \gamma \sqrt{1 - \beta_2^t} / (1 - \beta_1^t) \\
 * & \alpha^*_t \leftarrow \alpha^* \gamma / \gamma_0 \quad (\gamma_0 \text{ the configured lr: a schedule scales the bounds too}) \\
 * & \eta_l \leftarrow \alpha^*_t (1 - 1 / (\beta t + 1)) \\
 * & \eta_u \leftarrow \alpha^*_t (1 + 1 / (\beta t)) \\
 * & \theta_t \leftarrow \theta_{t-1} - \mathrm{clip}(s_t / d_t, \eta_l, \eta_u) \, m_t
 * \end{aligned}
 * $$
 *
 * @param options.lr γ, default 1e-3
 * @param options.betas [β₁, β₂], default [0.9, 0.999]
 * @param options.finalLr α*, default 0.1
 * @param options.gamma β, default 1e-3
 * @param options.eps ε, default 1e-8
 * @param options.weightDecay λ, default 0
 * @param options.amsbound default false
 * @example
 * const opt = adabound({ lr: 0.01 });
 * const x = Float64Array.of(1);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(2), s); // rate s/d = 0.05 lies in [0.0000999, 100.1]: x = 1 - 0.05 * m = 1 - 0.05 * 0.2
 * console.log(x[0].toFixed(8));
 * //=> 0.99000000
 * @see Luo, Xiong, Liu, Sun, Adaptive Gradient Methods with Dynamic Bound of Learning Rate (ICLR 2019)
 * @see https://github.com/Luolc/AdaBound (adabound/adabound.py)
 */
export function adabound(options: Partial<AdaboundOptions> = {}): Optimizer<AdaboundState, AdaboundOptions> {
  const o: AdaboundOptions = betasOptions("AdaBound", options, ADABOUND_DEFAULTS);
  checkNonNegative("final learning rate", o.finalLr);
  if (typeof o.gamma !== "number" || !(o.gamma >= 0 && o.gamma < 1)) {
    throw new RangeError(`Invalid gamma parameter: ${String(o.gamma)}`);
  }
  checkNonNegative("weight_decay value", o.weightDecay);
  checkBoolean("amsbound", o.amsbound);
  const [beta1, beta2] = o.betas;
  const { gamma, eps, weightDecay, amsbound } = o;
  return {
    name: "AdaBound",
    config: o,
    init(x) {
      checkStart(x);
      const n = x.length;
      return {
        step: 0,
        expAvg: new Float64Array(n),
        expAvgSq: new Float64Array(n),
        maxExpAvgSq: new Float64Array(amsbound ? n : 0),
      };
    },
    step(x, g, s, lrOverride) {
      const lr = checkStep(x, g, s.expAvg.length, lrOverride, o.lr);
      s.step += 1;
      const t = s.step;
      const biasCorrection1 = biasCorrection(beta1, t);
      const biasCorrection2 = biasCorrection(beta2, t);
      const stepSize = (lr * Math.sqrt(biasCorrection2)) / biasCorrection1;
      const finalLr = o.lr === 0 ? o.finalLr : (o.finalLr * lr) / o.lr;
      const lower = finalLr * (1 - 1 / (gamma * t + 1));
      const upper = finalLr * (1 + 1 / (gamma * t));
      const { expAvg: m, expAvgSq: v, maxExpAvgSq: vMax } = s;
      for (let i = 0; i < x.length; i++) {
        let d = g[i];
        if (weightDecay !== 0) d = d + weightDecay * x[i];
        m[i] = m[i] * beta1 + (1 - beta1) * d;
        v[i] = v[i] * beta2 + (1 - beta2) * d * d;
        let vt = v[i];
        if (amsbound) {
          vMax[i] = Math.max(vMax[i], v[i]);
          vt = vMax[i];
        }
        const denom = Math.sqrt(vt) + eps;
        const rate = Math.min(Math.max(stepSize / denom, lower), upper);
        x[i] = x[i] + -(rate * m[i]);
      }
      return x;
    },
  };
}
