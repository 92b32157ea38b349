import type { Optimizer } from "../core/types";
import { checkNonNegative, checkOptionKeys } from "../core/validate";
import { checkBoolean, checkStart, checkStep } from "./checkOptimizerArgs";

/** Options of {@link adadelta}: torch.optim.Adadelta's keyword arguments in camelCase. */
export type AdadeltaOptions = {
  /** Coefficient γ that scales the delta before it is applied (default 1.0: no global lr). */
  lr: number;
  /** Decay ρ of both running averages (default 0.9). */
  rho: number;
  /** ε added inside both roots (default 1e-6). */
  eps: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Maximize the objective instead of minimizing it (default false). */
  maximize: boolean;
};

/** State of {@link adadelta}: torch's `square_avg` (E[g²]) and `acc_delta` (E[Δx²]). */
export interface AdadeltaState {
  step: number;
  squareAvg: Float64Array;
  accDelta: Float64Array;
}

/** torch's defaults. */
export const ADADELTA_DEFAULTS: AdadeltaOptions = {
  lr: 1.0,
  rho: 0.9,
  eps: 1e-6,
  weightDecay: 0,
  maximize: false,
};

/**
 * Adadelta, as torch.optim.Adadelta (1.13): the step is the ratio of two running RMS values, so it
 * has the units of x and needs no learning rate.
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow -\nabla f(\theta_{t-1}) \text{ if maximize, else } \nabla f(\theta_{t-1}) \\
 * & \textbf{if } \lambda \neq 0: \; g_t \leftarrow g_t + \lambda \theta_{t-1} \\
 * & v_t \leftarrow \rho v_{t-1} + (1 - \rho) g_t^2 \\
 * & \Delta x_t \leftarrow \sqrt{u_{t-1} + \epsilon} \, / \sqrt{v_t + \epsilon} \; g_t \\
 * & u_t \leftarrow \rho u_{t-1} + (1 - \rho) \Delta x_t^2 \\
 * & \theta_t \leftarrow \theta_{t-1} - \gamma \Delta x_t
 * \end{aligned}
 * $$
 *
 * @param options.lr γ, default 1.0
 * @param options.rho ρ, default 0.9
 * @param options.eps ε, default 1e-6
 * @param options.weightDecay λ, default 0
 * @param options.maximize default false
 * @example
 * const opt = adadelta();
 * const x = Float64Array.of(1);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(2), s); // v = 0.4, Δx = sqrt(1e-6) / sqrt(0.4 + 1e-6) * 2
 * console.log(x[0].toFixed(6));
 * //=> 0.996838
 * @see Zeiler, ADADELTA: An Adaptive Learning Rate Method (arXiv:1212.5701, 2012)
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.Adadelta.html
 */
export function adadelta(options: Partial<AdadeltaOptions> = {}): Optimizer<AdadeltaState, AdadeltaOptions> {
  checkOptionKeys("Adadelta", options, ADADELTA_DEFAULTS);
  const o: AdadeltaOptions = { ...ADADELTA_DEFAULTS, ...options };
  checkNonNegative("learning rate", o.lr);
  if (typeof o.rho !== "number" || !(o.rho >= 0 && o.rho <= 1)) {
    throw new RangeError(`Invalid rho value: ${String(o.rho)}`);
  }
  checkNonNegative("epsilon value", o.eps);
  checkNonNegative("weight_decay value", o.weightDecay);
  checkBoolean("maximize", o.maximize);
  const { rho, eps, weightDecay, maximize } = o;
  return {
    name: "Adadelta",
    config: o,
    init(x) {
      checkStart(x);
      return { step: 0, squareAvg: new Float64Array(x.length), accDelta: new Float64Array(x.length) };
    },
    step(x, g, s, lrOverride) {
      const lr = checkStep(x, g, s.squareAvg.length, lrOverride, o.lr);
      s.step += 1;
      const { squareAvg: v, accDelta: u } = s;
      for (let i = 0; i < x.length; i++) {
        let d = maximize ? -g[i] : g[i];
        if (weightDecay !== 0) d = d + weightDecay * x[i];
        v[i] = v[i] * rho + (1 - rho) * d * d;
        const std = Math.sqrt(v[i] + eps);
        const delta = (Math.sqrt(u[i] + eps) / std) * d;
        u[i] = u[i] * rho + (1 - rho) * delta * delta;
        x[i] = x[i] + -lr * delta;
      }
      return x;
    },
  };
}
