/** Options of {@link rmspropStep32}: torch.optim.RMSprop's, camelCase (momentum 0, not centered). */
export interface RmspropOptions32 {
  lr: number;
  alpha: number;
  eps: number;
  weightDecay: number;
}

/** State of {@link rmspropStep32}: the step count and the running mean of squared gradients v. */
export interface RmspropState32 {
  t: number;
  squareAvg: Float32Array;
}

/**
 * One fused float32 RMSprop step over a flat parameter vector, torch.optim.RMSprop's update without
 * momentum or centering (eps outside the root, v starting at 0, no bias correction). Updates `params` and
 * `state` in place and returns `params`.
 *
 * $$\begin{aligned}
 * g_t &\leftarrow g_t + \lambda \theta_{t-1} \\
 * v_t &\leftarrow \alpha v_{t-1} + (1 - \alpha) g_t^2 \\
 * \theta_t &\leftarrow \theta_{t-1} - \gamma\, g_t / (\sqrt{v_t} + \epsilon)
 * \end{aligned}$$
 *
 * Why not the readable `rmsprop` of lib/src/optim/rmsprop.ts: that one is the lessons' float64 optimizer (with maximize
 * and the lecture's variants) on Float64Arrays. The MLP keeps its parameters in one flat float32 vector, as
 * torch does, and steps it every batch; this is the same update on float32 storage (each result rounded
 * to float32 when stored, as torch's float32 tensors are), without the options the MLP lessons do not use.
 *
 * @example
 * const p = Float32Array.of(1), s = { t: 0, squareAvg: new Float32Array(1) };
 * rmspropStep32(p, Float32Array.of(1), s, { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0 });
 * //=> Float32Array [0.9000000357627869]  (v = 0.01: the first step is lr / sqrt(1 - alpha) = 10 lr)
 */
export function rmspropStep32(
  params: Float32Array,
  grads: Float32Array,
  state: RmspropState32,
  o: RmspropOptions32,
): Float32Array {
  const { lr, alpha, eps, weightDecay: wd } = o;
  state.t += 1;
  const v = state.squareAvg;
  const n = params.length;
  for (let i = 0; i < n; i++) {
    let g = grads[i];
    if (wd !== 0) g += wd * params[i];
    v[i] = alpha * v[i] + (1 - alpha) * g * g;
    params[i] -= (lr * g) / (Math.sqrt(v[i]) + eps);
  }
  return params;
}
