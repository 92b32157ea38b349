import { biasCorrection } from "../averages/biasCorrect";
import type { Optimizer } from "../core/types";
import { checkNonNegative } from "../core/validate";
import { betasOptions, checkBoolean, checkStart, checkStep } from "./checkOptimizerArgs";

/** Options of {@link adamax}: torch.optim.Adamax's keyword arguments in camelCase. */
export type AdamaxOptions = {
  /** Learning rate γ (default 2e-3). */
  lr: number;
  /** [β₁, β₂] (default [0.9, 0.999]). */
  betas: [number, number];
  /** ε added to |g| before the maximum (default 1e-8). */
  eps: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Maximize the objective instead of minimizing it (default false; torch 1.13 has it). */
  maximize: boolean;
};

/** State of {@link adamax}: torch's `exp_avg` m and `exp_inf` u (the decayed infinity norm). */
export interface AdamaxState {
  step: number;
  expAvg: Float64Array;
  expInf: Float64Array;
}

/** torch's defaults. */
export const ADAMAX_DEFAULTS: AdamaxOptions = {
  lr: 2e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  maximize: false,
};

/**
 * Adamax, as torch.optim.Adamax (1.13): Adam with the root of the average of g² replaced by a decayed
 * maximum of |g| (the infinity norm), which needs no bias correction.
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow -\nabla f(\theta_{t-1}) \text{ if maximize, else } \nabla f(\theta_{t-1}) \\
 * & \textbf{if } \lambda \neq 0: \; g_t \leftarrow g_t + \lambda \theta_{t-1} \\
 * & m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t \\
 * & u_t \leftarrow \max(\beta_2 u_{t-1}, |g_t| + \epsilon) \\
 * & \theta_t \leftarrow \theta_{t-1} - \gamma m_t / ((1 - \beta_1^t) u_t)
 * \end{aligned}
 * $$
 *
 * @param options.lr γ, default 2e-3
 * @param options.betas [β₁, β₂], default [0.9, 0.999]
 * @param options.eps ε, default 1e-8
 * @param options.weightDecay λ, default 0
 * @param options.maximize default false
 * @example
 * const opt = adamax({ lr: 0.1 });
 * const x = Float64Array.of(1);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(-3), s); // m = -0.3, u = 3 + 1e-8, x = 1 + 0.1 * 0.3 / (0.1 * u)
 * console.log(x[0].toFixed(8));
 * //=> 1.10000000
 * @see Kingma and Ba, Adam: A Method for Stochastic Optimization (ICLR 2015), section 7.1
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.Adamax.html
 */
export function adamax(options: Partial<AdamaxOptions> = {}): Optimizer<AdamaxState, AdamaxOptions> {
  const o: AdamaxOptions = betasOptions("Adamax", options, ADAMAX_DEFAULTS);
  checkNonNegative("weight_decay value", o.weightDecay);
  checkBoolean("maximize", o.maximize);
  const [beta1, beta2] = o.betas;
  const { eps, weightDecay, maximize } = o;
  return {
    name: "Adamax",
    config: o,
    init(x) {
      checkStart(x);
      return { step: 0, expAvg: new Float64Array(x.length), expInf: new Float64Array(x.length) };
    },
    step(x, g, s, lrOverride) {
      const lr = checkStep(x, g, s.expAvg.length, lrOverride, o.lr);
      s.step += 1;
      const clr = lr / biasCorrection(beta1, s.step);
      const { expAvg: m, expInf: u } = s;
      for (let i = 0; i < x.length; i++) {
        let d = maximize ? -g[i] : g[i];
        if (weightDecay !== 0) d = d + weightDecay * x[i];
        m[i] = m[i] * beta1 + (1 - beta1) * d;
        u[i] = Math.max(u[i] * beta2, Math.abs(d) + eps);
        x[i] = x[i] + (-clr * m[i]) / u[i];
      }
      return x;
    },
  };
}
