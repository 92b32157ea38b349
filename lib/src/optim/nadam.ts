import { biasCorrection } from "../averages/biasCorrect";
import type { Optimizer } from "../core/types";
import { checkNonNegative } from "../core/validate";
import { betasOptions, checkBoolean, checkStart, checkStep } from "./checkOptimizerArgs";
import { detMath } from "../core/detMath";

/** Options of {@link nadam}: torch.optim.NAdam's keyword arguments in camelCase, plus extensions. */
export type NadamOptions = {
  /** Learning rate γ (default 2e-3). */
  lr: number;
  /** [β₁, β₂] (default [0.9, 0.999]). */
  betas: [number, number];
  /** ε added to the denominator (default 1e-8). */
  eps: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** ψ of the momentum schedule μ_t = β₁ (1 - 0.96^{tψ} / 2) (default 4e-3). */
  momentumDecay: number;
  /** Maximize the objective (default false; torch 2.x has it, torch 1.13 does not). */
  maximize: boolean;
  /** sqrt(v̂ + ε) instead of torch's sqrt(v̂) + ε (default false). */
  epsInside: boolean;
  /**
   * torch 2.x's product P'_t = P_t μ_{t+1} (Dozat's) instead of torch 1.13's P_t μ_t μ_{t+1}
   * (default false: torch 1.13, the golden reference).
   */
  torch2MuProduct: boolean;
};

/** State of {@link nadam}: torch's `exp_avg`, `exp_avg_sq` and `mu_product` (∏ μ_i, in float64). */
export interface NadamState {
  step: number;
  muProduct: number;
  expAvg: Float64Array;
  expAvgSq: Float64Array;
}

/** torch's defaults. */
export const NADAM_DEFAULTS: NadamOptions = {
  lr: 2e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  momentumDecay: 4e-3,
  maximize: false,
  epsInside: false,
  torch2MuProduct: false,
};

/**
 * NAdam (Adam with Nesterov momentum), as torch.optim.NAdam 1.13, with Dozat's momentum schedule μ_t.
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow -\nabla f(\theta_{t-1}) \text{ if maximize, else } \nabla f(\theta_{t-1}) \\
 * & \textbf{if } \lambda \neq 0: \; g_t \leftarrow g_t + \lambda \theta_{t-1} \\
 * & \mu_t \leftarrow \beta_1 (1 - \tfrac12 \, 0.96^{t \psi}) \\
 * & \mu_{t+1} \leftarrow \beta_1 (1 - \tfrac12 \, 0.96^{(t+1) \psi}) \\
 * & P_t \leftarrow P_{t-1} \mu_t \quad (P_0 = 1) \\
 * & P'_{t} \leftarrow P_t \, \mu_t \, \mu_{t+1} \quad \text{(torch 1.13; with torch2MuProduct, torch 2.x's } P_t \mu_{t+1}) \\
 * & m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t \\
 * & v_t \leftarrow \beta_2 v_{t-1} + (1 - \beta_2) g_t^2 \\
 * & d_t \leftarrow \sqrt{v_t / (1 - \beta_2^t)} + \epsilon \\
 * & \theta_t \leftarrow \theta_{t-1} - \gamma (1 - \mu_t) / (1 - P_t) \; g_t / d_t \\
 * & \theta_t \leftarrow \theta_t - \gamma \mu_{t+1} / (1 - P'_t) \; m_t / d_t
 * \end{aligned}
 * $$
 *
 * Note: torch 1.13 multiplies μ_t into P'_t twice; torch 2.0 fixed it (P'_t = P_t μ_{t+1}). This
 * library follows 1.13, the golden reference, unless `torch2MuProduct: true`: then it matches torch 2's
 * NAdam to 1e-10 (checked with scripts/golden-make.py under torch 2; every other optimizer agrees with
 * both versions). The product P is kept in float64 (torch keeps it in the
 * default dtype: float32 unless `torch.set_default_dtype(torch.float64)`, which moves trajectories by
 * about 1e-10).
 *
 * @param options.lr γ, default 2e-3
 * @param options.betas [β₁, β₂], default [0.9, 0.999]
 * @param options.eps ε, default 1e-8
 * @param options.weightDecay λ, default 0
 * @param options.momentumDecay ψ, default 4e-3
 * @param options.maximize default false
 * @param options.epsInside default false (torch)
 * @param options.torch2MuProduct default false (torch 1.13)
 * @example
 * const opt = nadam({ lr: 0.1 });
 * const x = Float64Array.of(1);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(2), s);
 * console.log(x[0].toFixed(6));
 * //=> 0.895047
 * @see Dozat, Incorporating Nesterov Momentum into Adam (ICLR 2016 workshop)
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.NAdam.html
 */
export function nadam(options: Partial<NadamOptions> = {}): Optimizer<NadamState, NadamOptions> {
  const o: NadamOptions = betasOptions("NAdam", options, NADAM_DEFAULTS);
  checkNonNegative("weight_decay value", o.weightDecay);
  checkNonNegative("momentum_decay value", o.momentumDecay);
  checkBoolean("maximize", o.maximize);
  checkBoolean("epsInside", o.epsInside);
  checkBoolean("torch2MuProduct", o.torch2MuProduct);
  const [beta1, beta2] = o.betas;
  const { eps, weightDecay, momentumDecay, maximize, epsInside, torch2MuProduct } = o;
  return {
    name: "NAdam",
    config: o,
    init(x) {
      checkStart(x);
      return {
        step: 0,
        muProduct: 1,
        expAvg: new Float64Array(x.length),
        expAvgSq: new Float64Array(x.length),
      };
    },
    step(x, g, s, lrOverride) {
      const lr = checkStep(x, g, s.expAvg.length, lrOverride, o.lr);
      s.step += 1;
      const t = s.step;
      const biasCorrection2 = biasCorrection(beta2, t);
      const mu = beta1 * (1 - 0.5 * detMath.pow(0.96, t * momentumDecay));
      const muNext = beta1 * (1 - 0.5 * detMath.pow(0.96, (t + 1) * momentumDecay));
      s.muProduct *= mu;
      const muProductNext = torch2MuProduct ? s.muProduct * muNext : s.muProduct * mu * muNext;
      const gradStep = (-lr * (1 - mu)) / (1 - s.muProduct);
      const avgStep = (-lr * muNext) / (1 - muProductNext);
      const { expAvg: m, expAvgSq: v } = s;
      for (let i = 0; i < x.length; i++) {
        let d = maximize ? -g[i] : g[i];
        if (weightDecay !== 0) d = d + weightDecay * x[i];
        m[i] = m[i] * beta1 + (1 - beta1) * d;
        v[i] = v[i] * beta2 + (1 - beta2) * d * d;
        const denom = epsInside
          ? Math.sqrt(v[i] / biasCorrection2 + eps)
          : Math.sqrt(v[i] / biasCorrection2) + eps;
        x[i] = x[i] + (gradStep * d) / denom;
        x[i] = x[i] + (avgStep * m[i]) / denom;
      }
      return x;
    },
  };
}
