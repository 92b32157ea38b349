import type { Optimizer } from "../core/types";
import { checkNonNegative, checkOptionKeys } from "../core/validate";
import { checkBoolean, checkStart, checkStep } from "./checkOptimizerArgs";

/** Options of {@link rmsprop}: torch.optim.RMSprop's keyword arguments in camelCase, plus `epsInside`. */
export type RmspropOptions = {
  /** Learning rate γ (default 1e-2). */
  lr: number;
  /** Smoothing constant α of the average of g² (default 0.99; the slides' ρ). */
  alpha: number;
  /** ε added to the denominator (default 1e-8). */
  eps: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Momentum factor μ (default 0). */
  momentum: number;
  /** Divide by an estimate of the variance of g instead of its second moment (default false). */
  centered: boolean;
  /** Maximize the objective instead of minimizing it (default false). */
  maximize: boolean;
  /** The slides' form sqrt(v + ε) instead of torch's sqrt(v) + ε (default false). */
  epsInside: boolean;
};

/** State of {@link rmsprop}: torch's `square_avg`, `grad_avg` (centered) and `momentum_buffer`. */
export interface RmspropState {
  step: number;
  squareAvg: Float64Array;
  gradAvg: Float64Array;
  momentumBuffer: Float64Array;
}

/** torch's defaults. */
export const RMSPROP_DEFAULTS: RmspropOptions = {
  lr: 1e-2,
  alpha: 0.99,
  eps: 1e-8,
  weightDecay: 0,
  momentum: 0,
  centered: false,
  maximize: false,
  epsInside: false,
};

/**
 * RMSProp ("leaky Adagrad"), as torch.optim.RMSprop (1.13): an exponential moving average of g²
 * replaces Adagrad's ever-growing sum.
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow -\nabla f(\theta_{t-1}) \text{ if maximize, else } \nabla f(\theta_{t-1}) \\
 * & \textbf{if } \lambda \neq 0: \; g_t \leftarrow g_t + \lambda \theta_{t-1} \\
 * & v_t \leftarrow \alpha v_{t-1} + (1 - \alpha) g_t^2 \\
 * & \tilde v_t \leftarrow v_t \\
 * & \textbf{if centered}: \; g^{ave}_t \leftarrow \alpha g^{ave}_{t-1} + (1 - \alpha) g_t, \;
 *   \tilde v_t \leftarrow v_t - (g^{ave}_t)^2 \\
 * & d_t \leftarrow \sqrt{\tilde v_t} + \epsilon \quad \text{or, with epsInside, } \sqrt{\tilde v_t + \epsilon} \\
 * & \textbf{if } \mu > 0: \; b_t \leftarrow \mu b_{t-1} + g_t / d_t, \; \theta_t \leftarrow \theta_{t-1} - \gamma b_t \\
 * & \textbf{else}: \; \theta_t \leftarrow \theta_{t-1} - \gamma g_t / d_t
 * \end{aligned}
 * $$
 *
 * The slides use ρ for α and put ε inside the root (`epsInside: true`, ε = 1e-7).
 *
 * @param options.lr γ, default 1e-2
 * @param options.alpha α, default 0.99
 * @param options.eps ε, default 1e-8
 * @param options.weightDecay λ, default 0
 * @param options.momentum μ, default 0
 * @param options.centered default false
 * @param options.maximize default false
 * @param options.epsInside default false (torch)
 * @example
 * const opt = rmsprop({ lr: 0.1, alpha: 0.9, eps: 1e-7, epsInside: true });
 * const x = Float64Array.of(9);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(18), s); // v = 0.1 * 324 = 32.4, x = 9 - 0.1 * 18 / sqrt(32.4 + 1e-7)
 * console.log(x[0].toFixed(4));
 * //=> 8.6838
 * @see Tieleman and Hinton, Lecture 6.5 of Neural Networks for Machine Learning (Coursera 2012)
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.RMSprop.html
 */
export function rmsprop(options: Partial<RmspropOptions> = {}): Optimizer<RmspropState, RmspropOptions> {
  checkOptionKeys("RMSprop", options, RMSPROP_DEFAULTS);
  const o: RmspropOptions = { ...RMSPROP_DEFAULTS, ...options };
  checkNonNegative("learning rate", o.lr);
  checkNonNegative("epsilon value", o.eps);
  checkNonNegative("momentum value", o.momentum);
  checkNonNegative("weight_decay value", o.weightDecay);
  checkNonNegative("alpha value", o.alpha);
  checkBoolean("centered", o.centered);
  checkBoolean("maximize", o.maximize);
  checkBoolean("epsInside", o.epsInside);
  const { alpha, eps, weightDecay, momentum, centered, maximize, epsInside } = o;
  return {
    name: "RMSprop",
    config: o,
    init(x) {
      checkStart(x);
      const n = x.length;
      return {
        step: 0,
        squareAvg: new Float64Array(n),
        gradAvg: new Float64Array(centered ? n : 0),
        momentumBuffer: new Float64Array(momentum > 0 ? n : 0),
      };
    },
    step(x, g, s, lrOverride) {
      const lr = checkStep(x, g, s.squareAvg.length, lrOverride, o.lr);
      s.step += 1;
      const { squareAvg: v, gradAvg: ga, momentumBuffer: b } = s;
      for (let i = 0; i < x.length; i++) {
        let d = maximize ? -g[i] : g[i];
        if (weightDecay !== 0) d = d + weightDecay * x[i];
        v[i] = v[i] * alpha + (1 - alpha) * d * d;
        let vt = v[i];
        if (centered) {
          ga[i] = ga[i] * alpha + (1 - alpha) * d;
          vt = v[i] + -1 * ga[i] * ga[i];
        }
        const avg = epsInside ? Math.sqrt(vt + eps) : Math.sqrt(vt) + eps;
        if (momentum > 0) {
          b[i] = b[i] * momentum + (1 * d) / avg;
          x[i] = x[i] + -lr * b[i];
        } else {
          x[i] = x[i] + (-lr * d) / avg;
        }
      }
      return x;
    },
    fused: {
      kernel: "rmsprop",
      arrays: ["squareAvg", "gradAvg", "momentumBuffer"],
      args: (_t, lr) => [-lr, alpha, eps, weightDecay, momentum, +centered, +maximize, +epsInside],
    },
  };
}
