import type { Optimizer } from "../core/types";
import { ADAM_DEFAULTS, makeAdam } from "./adam";
import type { AdamOptions, AdamState } from "./adam";

/** torch.optim.AdamW's defaults: Adam's, with weight decay 1e-2. */
export const ADAMW_DEFAULTS: AdamOptions = { ...ADAM_DEFAULTS, weightDecay: 1e-2 };

/**
 * AdamW, as torch.optim.AdamW (1.13): Adam whose weight decay shrinks x directly instead of adding
 * λx to the gradient, so the decay is not divided by √v̂.
 *
 * $$
 * \begin{aligned}
 * & g_t \leftarrow -\nabla f(\theta_{t-1}) \text{ if maximize, else } \nabla f(\theta_{t-1}) \\
 * & \theta_{t-1} \leftarrow \theta_{t-1} (1 - \gamma \lambda) \\
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
 * The same lecture options as {@link adam} (`epsInside`, `biasCorrection`) apply.
 *
 * @param options.lr γ, default 1e-3
 * @param options.betas [β₁, β₂], default [0.9, 0.999]
 * @param options.eps ε, default 1e-8
 * @param options.weightDecay λ, default 1e-2
 * @param options.amsgrad default false
 * @param options.maximize default false
 * @param options.epsInside default false (torch)
 * @param options.biasCorrection default "both" (torch)
 * @example
 * const opt = adamw({ lr: 0.1, weightDecay: 0.5 });
 * const x = Float64Array.of(2);
 * const s = opt.init(x);
 * opt.step(x, Float64Array.of(4), s); // x = 2 * (1 - 0.05) = 1.9, then the Adam step of size 0.1 * 4 / (4 + 1e-8)
 * console.log(x[0].toFixed(10));
 * //=> 1.8000000002
 * @see Loshchilov and Hutter, Decoupled Weight Decay Regularization (ICLR 2019)
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.AdamW.html
 */
export function adamw(options: Partial<AdamOptions> = {}): Optimizer<AdamState, AdamOptions> {
  return makeAdam("AdamW", ADAMW_DEFAULTS, options, true);
}
