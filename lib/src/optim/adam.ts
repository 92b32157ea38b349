import { biasCorrection } from "../averages/biasCorrect";
import type { Optimizer } from "../core/types";
import { checkNonNegative } from "../core/validate";
import { betasOptions, checkBoolean, checkStart, checkStep } from "./checkOptimizerArgs";

/** Options of {@link adam} and {@link adamw}: torch's keyword arguments in camelCase, plus the lecture's forms. */
export type AdamOptions = {
  /** Learning rate γ (default 1e-3). */
  lr: number;
  /** [β₁, β₂]: decay of the first and second moment averages (default [0.9, 0.999]). */
  betas: [number, number];
  /** ε added to the denominator (default 1e-8). */
  eps: number;
  /** λ: L2 penalty added to the gradient (Adam, default 0) or decoupled decay (AdamW, default 1e-2). */
  weightDecay: number;
  /** AMSGrad: divide by the running maximum of v (default false). */
  amsgrad: boolean;
  /** Maximize the objective instead of minimizing it (default false). */
  maximize: boolean;
  /** The slides' and D2L's form sqrt(v̂ + ε) instead of torch's sqrt(v̂) + ε (default false). */
  epsInside: boolean;
  /**
   * Which moments are bias-corrected: "both" (torch, the paper), "first" (the slides' intermediate
   * step: m only) or "none" (the slides' "simpler Adam"). Default "both".
   */
  biasCorrection: "both" | "first" | "none";
};

/** State of {@link adam}: the step count t and torch's `exp_avg` m, `exp_avg_sq` v, `max_exp_avg_sq`. */
export interface AdamState {
  step: number;
  expAvg: Float64Array;
  expAvgSq: Float64Array;
  /** Running maximum of v (amsgrad only; empty otherwise). */
  maxExpAvgSq: Float64Array;
}

/** torch.optim.Adam's defaults (and the lecture options at torch's choice). */
export const ADAM_DEFAULTS: AdamOptions = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
  maximize: false,
  epsInside: false,
  biasCorrection: "both",
};

/**
 * The one loop behind {@link adam} and {@link adamw}; `decoupled` selects AdamW's weight decay.
 * Not part of the public API.
 */
export function makeAdam(
  name: string,
  defaults: AdamOptions,
  options: Partial<AdamOptions>,
  decoupled: boolean,
): Optimizer<AdamState, AdamOptions> {
  const o: AdamOptions = betasOptions(name, options, defaults);
  checkNonNegative("weight_decay value", o.weightDecay);
  checkBoolean("amsgrad", o.amsgrad);
  checkBoolean("maximize", o.maximize);
  checkBoolean("epsInside", o.epsInside);
  if (!["both", "first", "none"].includes(o.biasCorrection)) {
    throw new RangeError(
      `Invalid biasCorrection value: ${String(o.biasCorrection)} (expected both, first or none)`,
    );
  }
  const [beta1, beta2] = o.betas;
  const { eps, weightDecay, amsgrad, maximize, epsInside } = o;
  /** The step's scalars from the step count t, as torch computes them (shared with the fused kernel). */
  const scalars = (t: number, lr: number) => {
    const biasCorrection1 = o.biasCorrection === "none" ? 1 : biasCorrection(beta1, t);
    const biasCorrection2 = o.biasCorrection === "both" ? biasCorrection(beta2, t) : 1;
    return {
      stepSize: lr / biasCorrection1,
      biasCorrection2,
      biasCorrection2Sqrt: Math.sqrt(biasCorrection2),
      decay: 1 - lr * weightDecay,
    };
  };
  return {
    name,
    config: o,
    init(x) {
      checkStart(x);
      const n = x.length;
      return {
        step: 0,
        expAvg: new Float64Array(n),
        expAvgSq: new Float64Array(n),
        maxExpAvgSq: new Float64Array(amsgrad ? n : 0),
      };
    },
    step(x, g, s, lrOverride) {
      const lr = checkStep(x, g, s.expAvg.length, lrOverride, o.lr);
      s.step += 1;
      const { stepSize, biasCorrection2, biasCorrection2Sqrt, decay } = scalars(s.step, lr);
      const { expAvg: m, expAvgSq: v, maxExpAvgSq: vMax } = s;
      for (let i = 0; i < x.length; i++) {
        let d = maximize ? -g[i] : g[i];
        if (decoupled) x[i] = x[i] * decay;
        else if (weightDecay !== 0) d = d + weightDecay * x[i];
        m[i] = m[i] * beta1 + (1 - beta1) * d;
        v[i] = v[i] * beta2 + (1 - beta2) * d * d;
        let vt = v[i];
        if (amsgrad) {
          vMax[i] = Math.max(vMax[i], v[i]);
          vt = vMax[i];
        }
        const denom = epsInside
          ? Math.sqrt(vt / biasCorrection2 + eps)
          : Math.sqrt(vt) / biasCorrection2Sqrt + eps;
        x[i] = x[i] + (-stepSize * m[i]) / denom;
      }
      return x;
    },
    fused: {
      kernel: "adam",
      arrays: ["expAvg", "expAvgSq", "maxExpAvgSq"],
      args(t, lr) {
        const { stepSize, biasCorrection2, biasCorrection2Sqrt, decay } = scalars(t, lr);
        return [
          -stepSize,
          beta1,
          beta2,
          biasCorrection2,
          biasCorrection2Sqrt,
          eps,
          weightDecay,
          decay,
          +decoupled,
          +amsgrad,
          +maximize,
          +epsInside,
        ];
      },
    },
  };
}

/**
 * Adam, as torch.optim.Adam (1.13): momentum on g (m) divided by the root of a moving average of g²
 * (v), both corrected for their start at zero.
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow -\nabla f(\theta_{t-1}) \text{ if maximize, else } \nabla f(\theta_{t-1}) \\
 * & \textbf{if } \lambda \neq 0: \; g_t \leftarrow g_t + \lambda \theta_{t-1} \\
 * & m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t \\
 * & v_t \leftarrow \beta_2 v_{t-1} + (1 - \beta_2) g_t^2 \\
 * & \textbf{if amsgrad}: \; v_t^{max} \leftarrow \max(v_{t-1}^{max}, v_t), \; \tilde v_t \leftarrow v_t^{max}
 *   \textbf{ else } \tilde v_t \leftarrow v_t \\
 * & \alpha_t \leftarrow \gamma / (1 - \beta_1^t) \\
 * & d_t \leftarrow \sqrt{\tilde v_t} / \sqrt{1 - \beta_2^t} + \epsilon \\
 * & \theta_t \leftarrow \theta_{t-1} - \alpha_t m_t / d_t
 * \end{aligned}
 * $$
 *
 * The lecture's forms are options. `epsInside: true` uses d_t = sqrt(ṽ_t / (1 - β₂^t) + ε).
 * `biasCorrection: "first"` (the slides) drops the 1 - β₂^t factor: d_t = sqrt(ṽ_t) + ε.
 * `biasCorrection: "none"` ("simpler Adam") also uses α_t = γ. Without correction the first steps are
 * far too large: v_1 = (1 - β₂) g² is about 0.001 g².
 *
 * @param options.lr γ, default 1e-3
 * @param options.betas [β₁, β₂], default [0.9, 0.999]
 * @param options.eps ε, default 1e-8
 * @param options.weightDecay λ, default 0
 * @param options.amsgrad default false
 * @param options.maximize default false
 * @param options.epsInside default false (torch)
 * @param options.biasCorrection default "both" (torch)
 * @example
 * const opt = adam({ lr: 0.1 });
 * const x = Float64Array.of(1, -2);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(2, -4), s); // m̂ = g, v̂ = g²: each coordinate moves by lr |g| / (|g| + eps)
 * console.log(x);
 * //=> Float64Array(2) [ 0.9000000005, -1.90000000025 ]
 * @see Kingma and Ba, Adam: A Method for Stochastic Optimization (ICLR 2015)
 * @see Reddi, Kale, Kumar, On the Convergence of Adam and Beyond (ICLR 2018), for amsgrad
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.Adam.html
 */
export function adam(options: Partial<AdamOptions> = {}): Optimizer<AdamState, AdamOptions> {
  return makeAdam("Adam", ADAM_DEFAULTS, options, false);
}
