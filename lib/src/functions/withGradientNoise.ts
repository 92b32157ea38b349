import type { TestFunction } from "../core/types";
import { seeded } from "../core/random";
import { checkNonNegative, checkOptionKeys } from "../core/validate";

/** Options of {@link withGradientNoise}. */
export interface GradientNoiseOptions {
  /** Standard deviation σ of the noise added to each gradient coordinate (>= 0). */
  std: number;
  /** Seed of the noise stream (default 0). */
  seed: number;
}

/**
 * A noisy-gradient version of a test function, for the stochastic-gradient lessons (lecture §1): the
 * same f, but each call of `grad` adds seeded Gaussian noise, as a minibatch gradient would. The noise
 * stream is reproducible: the same seed and the same sequence of calls give the same gradients.
 * (gradcheck fails on it for σ > 0, by design.)
 *
 * $$\begin{aligned} \tilde g(x) &= \nabla f(x) + \sigma \xi, \quad \xi \sim \mathcal N(0, I) \end{aligned}$$
 *
 * @example
 * const noisy = withGradientNoise(xCosPiXEmpirical, { std: 0.5, seed: 1 });
 * noisy.name; //=> "x_cos_pi_x_empirical_noisy"
 */
export function withGradientNoise(
  fn: TestFunction,
  options: Partial<GradientNoiseOptions> & { std: number },
): TestFunction {
  checkOptionKeys("withGradientNoise", options, { std: true, seed: true });
  const { std, seed = 0 } = options;
  checkNonNegative("noise std", std);
  const rng = seeded(seed);
  return {
    ...fn,
    name: `${fn.name}_noisy`,
    grad(x, out) {
      fn.grad(x, out);
      for (let i = 0; i < x.length; i++) out[i] += std * rng.normal();
      return out;
    },
  };
}
