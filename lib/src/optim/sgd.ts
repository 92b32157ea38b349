import type { Optimizer } from "../core/types";
import { checkNonNegative, checkOptionKeys } from "../core/validate";
import { checkBoolean, checkNumber, checkStart, checkStep } from "./checkOptimizerArgs";

/** Options of {@link sgd}: torch.optim.SGD's keyword arguments in camelCase. */
export type SgdOptions = {
  /** Learning rate γ (required, as in torch 1.13). */
  lr: number;
  /** Momentum factor μ (default 0: plain gradient descent). */
  momentum: number;
  /** Dampening τ of the momentum (default 0). */
  dampening: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Nesterov momentum in torch's rewritten form (default false; needs momentum > 0, dampening 0). */
  nesterov: boolean;
  /** Maximize the objective instead of minimizing it (default false). */
  maximize: boolean;
};

/**
 * State of {@link sgd}: the step count and torch's `momentum_buffer` b (zeros until the first step; empty
 * without momentum, where torch's is None).
 */
export interface SgdState {
  step: number;
  momentumBuffer: Float64Array;
}

/** torch's defaults (lr has none in torch 1.13; 1e-3 is torch 2.x's). */
export const SGD_DEFAULTS: SgdOptions = {
  lr: 1e-3,
  momentum: 0,
  dampening: 0,
  weightDecay: 0,
  nesterov: false,
  maximize: false,
};

/**
 * Stochastic gradient descent with optional momentum, as torch.optim.SGD (1.13): the same option names,
 * order of operations and numbers.
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow -\nabla f(\theta_{t-1}) \text{ if maximize, else } \nabla f(\theta_{t-1}) \\
 * & \textbf{if } \lambda \neq 0: \; g_t \leftarrow g_t + \lambda \theta_{t-1} \\
 * & \textbf{if } \mu \neq 0: \; b_t \leftarrow g_t \text{ if } t = 1 \text{ else } \mu b_{t-1} + (1 - \tau) g_t \\
 * & \textbf{if } \mu \neq 0: \; g_t \leftarrow g_t + \mu b_t \text{ if nesterov else } b_t \\
 * & \theta_t \leftarrow \theta_{t-1} - \gamma g_t
 * \end{aligned}
 * $$
 *
 * Note (as torch's): this momentum is `b = μ b + g; θ -= γ b`, not Sutskever's `v = μ v + γ g; θ -= v`;
 * the two give the same points for a constant learning rate (see {@link momentumSlides}), not when γ
 * changes. The first step copies g into b without dampening.
 *
 * @param options.lr learning rate γ (required)
 * @param options.momentum μ, default 0
 * @param options.dampening τ, default 0
 * @param options.weightDecay λ, default 0
 * @param options.nesterov default false
 * @param options.maximize default false
 * @example
 * const opt = sgd({ lr: 0.1, momentum: 0.9 });
 * const x = Float64Array.of(90);           // f(x) = x^2, f'(x) = 2x
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(2 * x[0]), s); // b = 180, x = 90 - 18
 * opt.step(x, Float64Array.of(2 * x[0]), s); // b = 0.9 * 180 + 144 = 306, x = 72 - 30.6
 * console.log(x);
 * //=> Float64Array(1) [ 41.4 ]
 * @see Sutskever et al., On the importance of initialization and momentum in deep learning (ICML 2013)
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html
 */
export function sgd(options: Partial<SgdOptions> & { lr: number }): Optimizer<SgdState, SgdOptions> {
  checkOptionKeys("SGD", options, SGD_DEFAULTS);
  if (options.lr === undefined) throw new TypeError("SGD requires a learning rate: sgd({ lr: 0.1 })");
  const o: SgdOptions = { ...SGD_DEFAULTS, ...options };
  checkNonNegative("learning rate", o.lr);
  checkNonNegative("momentum value", o.momentum);
  checkNonNegative("weight_decay value", o.weightDecay);
  checkNumber("dampening", o.dampening);
  checkBoolean("nesterov", o.nesterov);
  checkBoolean("maximize", o.maximize);
  if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) {
    throw new RangeError("Nesterov momentum requires a momentum and zero dampening");
  }
  const { momentum, dampening, weightDecay, nesterov, maximize } = o;
  return {
    name: "SGD",
    config: o,
    init(x) {
      checkStart(x);
      return { step: 0, momentumBuffer: new Float64Array(momentum !== 0 ? x.length : 0) };
    },
    step(x, g, s, lrOverride) {
      const b = s.momentumBuffer;
      const lr = checkStep(x, g, momentum !== 0 ? b.length : x.length, lrOverride, o.lr);
      const first = s.step === 0;
      s.step += 1;
      for (let i = 0; i < x.length; i++) {
        let d = maximize ? -g[i] : g[i];
        if (weightDecay !== 0) d = d + weightDecay * x[i];
        if (momentum !== 0) {
          b[i] = first ? d : b[i] * momentum + (1 - dampening) * d;
          d = nesterov ? d + momentum * b[i] : b[i];
        }
        x[i] = x[i] + -lr * d;
      }
      return x;
    },
    fused: {
      kernel: "sgd",
      arrays: ["momentumBuffer"],
      args: (t, lr) => [-lr, momentum, 1 - dampening, weightDecay, +nesterov, +maximize, t === 1 ? 1 : 0],
    },
  };
}
