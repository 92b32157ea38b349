import { biasCorrection } from "../averages/biasCorrect";
import type { Optimizer } from "../core/types";
import { checkNonNegative } from "../core/validate";
import { betasOptions, checkBoolean, checkStart, checkStep } from "./checkOptimizerArgs";
import { detMath } from "../core/detMath";

/** Options of {@link radam}: torch.optim.RAdam's keyword arguments in camelCase, plus `maximize`. */
export type RadamOptions = {
  /** Learning rate γ (default 1e-3). */
  lr: number;
  /** [β₁, β₂] (default [0.9, 0.999]). */
  betas: [number, number];
  /** ε added to the denominator (default 1e-8). */
  eps: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Maximize the objective (default false; torch 2.x has it, torch 1.13 does not). */
  maximize: boolean;
};

/** State of {@link radam}: torch's `exp_avg` m and `exp_avg_sq` v. */
export interface RadamState {
  step: number;
  expAvg: Float64Array;
  expAvgSq: Float64Array;
}

/** torch's defaults. */
export const RADAM_DEFAULTS: RadamOptions = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  maximize: false,
};

/**
 * RAdam (rectified Adam), as torch.optim.RAdam (1.13): plain momentum SGD while the variance of the
 * adaptive rate is not yet estimable (ρ_t ≤ 5), then Adam scaled by a rectification term r_t.
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow -\nabla f(\theta_{t-1}) \text{ if maximize, else } \nabla f(\theta_{t-1}) \\
 * & \textbf{if } \lambda \neq 0: \; g_t \leftarrow g_t + \lambda \theta_{t-1} \\
 * & m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t \\
 * & v_t \leftarrow \beta_2 v_{t-1} + (1 - \beta_2) g_t^2 \\
 * & \hat m_t \leftarrow m_t / (1 - \beta_1^t) \\
 * & \rho_\infty \leftarrow 2 / (1 - \beta_2) - 1 \\
 * & \rho_t \leftarrow \rho_\infty - 2 t \beta_2^t / (1 - \beta_2^t) \\
 * & \textbf{if } \rho_t > 5: \; r_t \leftarrow \sqrt{(\rho_t - 4)(\rho_t - 2)\rho_\infty / ((\rho_\infty - 4)(\rho_\infty - 2)\rho_t)}, \;
 *   l_t \leftarrow \sqrt{1 - \beta_2^t} / (\sqrt{v_t} + \epsilon), \;
 *   \theta_t \leftarrow \theta_{t-1} - \hat m_t \gamma \, l_t \, r_t \\
 * & \textbf{else}: \; \theta_t \leftarrow \theta_{t-1} - \hat m_t \gamma
 * \end{aligned}
 * $$
 *
 * With the default β₂ = 0.999, ρ_t > 5 from step 6 on.
 *
 * @param options.lr γ, default 1e-3
 * @param options.betas [β₁, β₂], default [0.9, 0.999]
 * @param options.eps ε, default 1e-8
 * @param options.weightDecay λ, default 0
 * @param options.maximize default false
 * @example
 * const opt = radam({ lr: 0.1 });
 * const x = Float64Array.of(1);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(2), s); // ρ_1 = 1 ≤ 5: x = 1 - 0.1 * m̂ = 1 - 0.1 * 2
 * console.log(x[0]);
 * //=> 0.8
 * @see Liu et al., On the Variance of the Adaptive Learning Rate and Beyond (ICLR 2020)
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.RAdam.html
 */
export function radam(options: Partial<RadamOptions> = {}): Optimizer<RadamState, RadamOptions> {
  const o: RadamOptions = betasOptions("RAdam", options, RADAM_DEFAULTS);
  checkNonNegative("weight_decay value", o.weightDecay);
  checkBoolean("maximize", o.maximize);
  const [beta1, beta2] = o.betas;
  const { eps, weightDecay, maximize } = o;
  const rhoInf = 2 / (1 - beta2) - 1;
  return {
    name: "RAdam",
    config: o,
    init(x) {
      checkStart(x);
      return { step: 0, expAvg: new Float64Array(x.length), expAvgSq: new Float64Array(x.length) };
    },
    step(x, g, s, lrOverride) {
      const lr = checkStep(x, g, s.expAvg.length, lrOverride, o.lr);
      s.step += 1;
      const t = s.step;
      const biasCorrection1 = biasCorrection(beta1, t);
      const biasCorrection2 = biasCorrection(beta2, t);
      const rhoT = rhoInf - (2 * t * detMath.pow(beta2, t)) / biasCorrection2;
      const rectified = rhoT > 5;
      const rect = rectified
        ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
        : 0;
      const bc2Sqrt = Math.sqrt(biasCorrection2);
      const { expAvg: m, expAvgSq: v } = s;
      for (let i = 0; i < x.length; i++) {
        let d = maximize ? -g[i] : g[i];
        if (weightDecay !== 0) d = d + weightDecay * x[i];
        m[i] = m[i] * beta1 + (1 - beta1) * d;
        v[i] = v[i] * beta2 + (1 - beta2) * d * d;
        const mHat = m[i] / biasCorrection1;
        if (rectified) {
          const adaptiveLr = bc2Sqrt / (Math.sqrt(v[i]) + eps);
          x[i] = x[i] - mHat * lr * adaptiveLr * rect;
        } else {
          x[i] = x[i] - mHat * lr;
        }
      }
      return x;
    },
  };
}
