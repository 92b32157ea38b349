import type { Optimizer } from "../core/types";
import { checkNonNegative, checkOptionKeys } from "../core/validate";
import { checkStart, checkStep } from "./checkOptimizerArgs";

/** Options of {@link momentumSlides}. */
export type MomentumSlidesOptions = {
  /** Learning rate η (default 0.1). */
  lr: number;
  /** Momentum ("friction") m (default 0.9). */
  momentum: number;
};

/** State of {@link momentumSlides}: the velocity v (v₀ = 0). */
export interface MomentumSlidesState {
  step: number;
  velocity: Float64Array;
}

/** The slides' values. */
export const MOMENTUM_SLIDES_DEFAULTS: MomentumSlidesOptions = { lr: 0.1, momentum: 0.9 };

/**
 * Momentum as the slides write it: the velocity carries the learning rate and is added to x.
 *
 * $$
 * \begin{aligned}
 * & v_t \leftarrow m v_{t-1} - \eta \nabla f(x_{t-1}) \\
 * & x_t \leftarrow x_{t-1} + v_t
 * \end{aligned}
 * $$
 *
 * For a constant η this is torch's SGD with `momentum: m` point for point: torch's buffer is
 * b_t = -v_t / η. When η changes (a schedule), the two differ: here the old velocity keeps the old η.
 *
 * @param options.lr η, default 0.1
 * @param options.momentum m, default 0.9
 * @example
 * const opt = momentumSlides({ lr: 0.1, momentum: 0.9 });
 * const x = Float64Array.of(90);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(180), s); // v = -18, x = 72
 * opt.step(x, Float64Array.of(144), s); // v = -16.2 - 14.4 = -30.6, x = 41.4
 * console.log(x[0].toFixed(4), s.velocity[0].toFixed(4));
 * //=> 41.4000 -30.6000
 * @see Polyak, Some methods of speeding up the convergence of iteration methods (1964)
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html (the note on momentum forms)
 */
export function momentumSlides(
  options: Partial<MomentumSlidesOptions> = {},
): Optimizer<MomentumSlidesState, MomentumSlidesOptions> {
  return makeVelocityMomentum("MomentumSlides", options, MOMENTUM_SLIDES_DEFAULTS, (o) => {
    checkNonNegative("momentum value", o.momentum);
    return { mu: o.momentum, gradientScale: (lr) => lr };
  });
}

/**
 * The one loop behind {@link momentumSlides} and {@link momentumEma}: v ← μ v − c g, x ← x + v, where
 * `setup` checks the optimizer's own option and gives μ and the gradient's coefficient c at learning
 * rate lr. Not part of the public API.
 */
export function makeVelocityMomentum<O extends { lr: number }>(
  name: string,
  options: Partial<O>,
  defaults: O,
  setup: (o: O) => { mu: number; gradientScale: (lr: number) => number },
): Optimizer<MomentumSlidesState, O> {
  checkOptionKeys(name, options, defaults);
  const o: O = { ...defaults, ...options };
  checkNonNegative("learning rate", o.lr);
  const { mu, gradientScale } = setup(o);
  return {
    name,
    config: o,
    init(x) {
      checkStart(x);
      return { step: 0, velocity: new Float64Array(x.length) };
    },
    step(x, g, s, lrOverride) {
      const c = gradientScale(checkStep(x, g, s.velocity.length, lrOverride, o.lr));
      s.step += 1;
      const v = s.velocity;
      for (let i = 0; i < x.length; i++) {
        v[i] = mu * v[i] - c * g[i];
        x[i] = x[i] + v[i];
      }
      return x;
    },
  };
}
