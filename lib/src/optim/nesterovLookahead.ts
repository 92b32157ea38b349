import { checkNonNegative, checkOptionKeys } from "../core/validate";
import { checkStart, checkStep } from "./checkOptimizerArgs";

/** Options of {@link nesterovLookahead}. */
export type NesterovLookaheadOptions = {
  /** Learning rate α (default 0.1). */
  lr: number;
  /** Momentum ρ (default 0.9). */
  momentum: number;
};

/** State of {@link nesterovLookahead}: the velocity v and two work arrays (look-ahead point, gradient). */
export interface NesterovLookaheadState {
  step: number;
  velocity: Float64Array;
  lookahead: Float64Array;
  grad: Float64Array;
}

/** A gradient function: writes ∇f(x) into `out` and returns it (as `TestFunction.grad`). */
export type GradientFunction = (x: Float64Array, out: Float64Array) => Float64Array;

/** Nesterov's method in the look-ahead form; its step takes the gradient function, not a gradient. */
export interface NesterovLookahead {
  name: "NesterovLookahead";
  config: NesterovLookaheadOptions;
  init(x: Float64Array): NesterovLookaheadState;
  step(x: Float64Array, grad: GradientFunction, state: NesterovLookaheadState, lr?: number): Float64Array;
}

/** The slides' values. */
export const NESTEROV_LOOKAHEAD_DEFAULTS: NesterovLookaheadOptions = { lr: 0.1, momentum: 0.9 };

/**
 * Nesterov's accelerated gradient as the lecture writes it: the gradient is taken at the point the
 * velocity is about to carry x to, not at x. It needs the gradient function, so it is not a plain
 * `step(x, g)`.
 *
 * $$
 * \begin{aligned}
 * & v_{t+1} \leftarrow \rho v_t - \alpha \nabla f(x_t + \rho v_t) \\
 * & x_{t+1} \leftarrow x_t + v_{t+1}
 * \end{aligned}
 * $$
 *
 * In the variable x̃ = x + ρv the gradient is taken at the current point:
 * x̃_{t+1} = x̃_t - α ∇f(x̃_t) + ρ v_{t+1}. With torch's buffer b = -v / α that is torch's SGD with
 * `nesterov: true` (b_{t+1} = ρ b_t + g, x̃_{t+1} = x̃_t - α (g + ρ b_{t+1})), for a constant α.
 *
 * @param options.lr α, default 0.1
 * @param options.momentum ρ, default 0.9
 * @example
 * const opt = nesterovLookahead({ lr: 0.1, momentum: 0.9 });
 * const x = Float64Array.of(90);
 * const s = opt.init(x);
 * const grad = (p: Float64Array, out: Float64Array) => { out[0] = 2 * p[0]; return out; };
 * opt.step(x, grad, s); // v = 0: look-ahead at 90, v = -18, x = 72
 * opt.step(x, grad, s); // look-ahead at 72 - 16.2 = 55.8, v = -16.2 - 11.16 = -27.36, x = 44.64
 * console.log(x[0].toFixed(2));
 * //=> 44.64
 * @see Sutskever, Martens, Dahl, Hinton, On the importance of initialization and momentum in deep learning (ICML 2013)
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html
 */
export function nesterovLookahead(options: Partial<NesterovLookaheadOptions> = {}): NesterovLookahead {
  checkOptionKeys("NesterovLookahead", options, NESTEROV_LOOKAHEAD_DEFAULTS);
  const o: NesterovLookaheadOptions = { ...NESTEROV_LOOKAHEAD_DEFAULTS, ...options };
  checkNonNegative("learning rate", o.lr);
  checkNonNegative("momentum value", o.momentum);
  const { momentum } = o;
  return {
    name: "NesterovLookahead",
    config: o,
    init(x) {
      checkStart(x);
      const n = x.length;
      return {
        step: 0,
        velocity: new Float64Array(n),
        lookahead: new Float64Array(n),
        grad: new Float64Array(n),
      };
    },
    step(x, grad, s, lrOverride) {
      const { velocity: v, lookahead: y, grad: g } = s;
      const lr = checkStep(x, y, v.length, lrOverride, o.lr);
      s.step += 1;
      for (let i = 0; i < x.length; i++) y[i] = x[i] + momentum * v[i];
      grad(y, g);
      for (let i = 0; i < x.length; i++) {
        v[i] = momentum * v[i] - lr * g[i];
        x[i] = x[i] + v[i];
      }
      return x;
    },
  };
}
