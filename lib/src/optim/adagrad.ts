import type { Optimizer } from "../core/types";
import { checkNonNegative, checkOptionKeys } from "../core/validate";
import { checkBoolean, checkStart, checkStep } from "./checkOptimizerArgs";

/** Options of {@link adagrad}: torch.optim.Adagrad's keyword arguments in camelCase, plus `epsInside`. */
export type AdagradOptions = {
  /** Learning rate γ (default 1e-2). */
  lr: number;
  /** Learning-rate decay η: step t uses γ / (1 + (t - 1) η) (default 0). */
  lrDecay: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Starting value of the accumulator `sum` (default 0). */
  initialAccumulatorValue: number;
  /** ε added to the denominator (default 1e-10). */
  eps: number;
  /** Maximize the objective instead of minimizing it (default false). */
  maximize: boolean;
  /** The slides' and D2L's form sqrt(sum + ε) instead of torch's sqrt(sum) + ε (default false). */
  epsInside: boolean;
};

/** State of {@link adagrad}: the step count and torch's `sum` (the accumulated squared gradients). */
export interface AdagradState {
  step: number;
  sum: Float64Array;
}

/** torch's defaults. */
export const ADAGRAD_DEFAULTS: AdagradOptions = {
  lr: 1e-2,
  lrDecay: 0,
  weightDecay: 0,
  initialAccumulatorValue: 0,
  eps: 1e-10,
  maximize: false,
  epsInside: false,
};

/**
 * Adagrad, as torch.optim.Adagrad (1.13): every coordinate divides its step by the root of the sum of
 * its own squared gradients.
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow -\nabla f(\theta_{t-1}) \text{ if maximize, else } \nabla f(\theta_{t-1}) \\
 * & \textbf{if } \lambda \neq 0: \; g_t \leftarrow g_t + \lambda \theta_{t-1} \\
 * & \tilde\gamma \leftarrow \gamma / (1 + (t - 1) \eta) \\
 * & \mathrm{sum}_t \leftarrow \mathrm{sum}_{t-1} + g_t^2 \\
 * & \theta_t \leftarrow \theta_{t-1} - \tilde\gamma \, g_t / (\sqrt{\mathrm{sum}_t} + \epsilon)
 *   \quad \text{or, with epsInside, } / \sqrt{\mathrm{sum}_t + \epsilon}
 * \end{aligned}
 * $$
 *
 * `sum_0` is `initialAccumulatorValue`. The slides write Adagrad with ε inside the root
 * (`epsInside: true`, ε = 1e-7 there, 1e-6 in D2L); torch puts it outside.
 *
 * @param options.lr γ, default 1e-2
 * @param options.lrDecay η, default 0
 * @param options.weightDecay λ, default 0
 * @param options.initialAccumulatorValue default 0
 * @param options.eps ε, default 1e-10
 * @param options.maximize default false
 * @param options.epsInside default false (torch)
 * @example
 * const opt = adagrad({ lr: 0.1 });
 * const w = Float64Array.of(1, 1);
 * const s = opt.init(w);
 * opt.step(w, Float64Array.of(4, 0.1), s); // sum = [16, 0.01], steps 0.1 * [4/4, 0.1/0.1]
 * console.log(w.map((v) => +v.toFixed(6)));
 * //=> Float64Array(2) [ 0.9, 0.9 ]
 * @see Duchi, Hazan, Singer, Adaptive Subgradient Methods for Online Learning and Stochastic Optimization (JMLR 2011)
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.Adagrad.html
 */
export function adagrad(options: Partial<AdagradOptions> = {}): Optimizer<AdagradState, AdagradOptions> {
  checkOptionKeys("Adagrad", options, ADAGRAD_DEFAULTS);
  const o: AdagradOptions = { ...ADAGRAD_DEFAULTS, ...options };
  checkNonNegative("learning rate", o.lr);
  checkNonNegative("lr_decay value", o.lrDecay);
  checkNonNegative("weight_decay value", o.weightDecay);
  checkNonNegative("initial_accumulator_value value", o.initialAccumulatorValue);
  checkNonNegative("epsilon value", o.eps);
  checkBoolean("maximize", o.maximize);
  checkBoolean("epsInside", o.epsInside);
  const { lrDecay, weightDecay, eps, maximize, epsInside } = o;
  /** The learning rate decayed for step t, torch's `clr` (shared with the fused kernel). */
  const stepSize = (t: number, lr: number) => lr / (1 + (t - 1) * lrDecay);
  return {
    name: "Adagrad",
    config: o,
    init(x) {
      checkStart(x);
      return { step: 0, sum: new Float64Array(x.length).fill(o.initialAccumulatorValue) };
    },
    step(x, g, s, lrOverride) {
      const lr = checkStep(x, g, s.sum.length, lrOverride, o.lr);
      s.step += 1;
      const clr = stepSize(s.step, lr);
      const sum = s.sum;
      for (let i = 0; i < x.length; i++) {
        let d = maximize ? -g[i] : g[i];
        if (weightDecay !== 0) d = d + weightDecay * x[i];
        sum[i] = sum[i] + 1 * d * d;
        const std = epsInside ? Math.sqrt(sum[i] + eps) : Math.sqrt(sum[i]) + eps;
        x[i] = x[i] + (-clr * d) / std;
      }
      return x;
    },
    fused: {
      kernel: "adagrad",
      arrays: ["sum"],
      args: (t, lr) => [-stepSize(t, lr), eps, weightDecay, +maximize, +epsInside],
    },
  };
}
