import type { Optimizer } from "../core/types";
import { checkUnitInterval } from "../core/validate";
import { makeVelocityMomentum } from "./momentumSlides";
import type { MomentumSlidesState } from "./momentumSlides";

/** Options of {@link momentumEma}. */
export type MomentumEmaOptions = {
  /** Learning rate α (default 0.1). */
  lr: number;
  /** Decay ρ of the moving average of gradients (default 0.9). */
  rho: number;
};

/** State of {@link momentumEma}: the velocity v (v₀ = 0), as {@link momentumSlides}'s. */
export type MomentumEmaState = MomentumSlidesState;

/** The slides' values. */
export const MOMENTUM_EMA_DEFAULTS: MomentumEmaOptions = { lr: 0.1, rho: 0.9 };

/**
 * Momentum as an exponential moving average of the gradients (the slides' first writing).
 *
 * $$
 * \begin{aligned}
 * & v_t \leftarrow \rho v_{t-1} - (1 - \rho) \alpha \nabla f(x_{t-1}) \\
 * & x_t \leftarrow x_{t-1} + v_t
 * \end{aligned}
 * $$
 *
 * For a constant α this is torch's SGD with `momentum: ρ` and `lr: (1 - ρ) α` point for point (and
 * {@link momentumSlides} with η = (1 - ρ) α): the EMA only rescales the learning rate by 1 - ρ.
 *
 * @param options.lr α, default 0.1
 * @param options.rho ρ, default 0.9
 * @example
 * const opt = momentumEma({ lr: 1, rho: 0.9 });
 * const x = Float64Array.of(90);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(180), s); // v = -0.1 * 1 * 180 = -18, x = 72
 * console.log(x[0].toFixed(4));
 * //=> 72.0000
 * @see Goh, Why Momentum Really Works (Distill, 2017)
 */
export function momentumEma(
  options: Partial<MomentumEmaOptions> = {},
): Optimizer<MomentumEmaState, MomentumEmaOptions> {
  return makeVelocityMomentum("MomentumEma", options, MOMENTUM_EMA_DEFAULTS, (o) => {
    checkUnitInterval("rho value", o.rho);
    return { mu: o.rho, gradientScale: (lr) => (1 - o.rho) * lr };
  });
}
