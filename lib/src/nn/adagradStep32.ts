/** Options of {@link adagradStep32}: torch.optim.Adagrad's, camelCase (no `maximize`). */
export interface AdagradOptions32 {
  lr: number;
  lrDecay: number;
  weightDecay: number;
  eps: number;
}

/** State of {@link adagradStep32}: the step count and the sum of squared gradients s (start it at initialAccumulatorValue). */
export interface AdagradState32 {
  t: number;
  sum: Float32Array;
}

/**
 * One fused float32 Adagrad step over a flat parameter vector, torch.optim.Adagrad's update (eps outside
 * the root, lr decayed by the step count). Updates `params` and `state` in place and returns `params`.
 *
 * $$\begin{aligned}
 * \tilde\gamma &\leftarrow \gamma / (1 + (t - 1) \eta) \\
 * g_t &\leftarrow g_t + \lambda \theta_{t-1} \\
 * s_t &\leftarrow s_{t-1} + g_t^2 \\
 * \theta_t &\leftarrow \theta_{t-1} - \tilde\gamma\, g_t / (\sqrt{s_t} + \epsilon)
 * \end{aligned}$$
 *
 * Why not the readable `adagrad` of lib/src/optim/adagrad.ts: that one is the lessons' float64 optimizer (with maximize
 * and the lecture's variants) on Float64Arrays. The MLP keeps its parameters in one flat float32 vector, as
 * torch does, and steps it every batch; this is the same update on float32 storage (each result rounded
 * to float32 when stored, as torch's float32 tensors are), without the options the MLP lessons do not use.
 *
 * @example
 * const p = Float32Array.of(1), s = { t: 0, sum: new Float32Array(1) };
 * adagradStep32(p, Float32Array.of(2), s, { lr: 0.1, lrDecay: 0, weightDecay: 0, eps: 1e-10 });
 * //=> Float32Array [0.8999999761581421]  (s = 4: the first step has size lr)
 */
export function adagradStep32(
  params: Float32Array,
  grads: Float32Array,
  state: AdagradState32,
  o: AdagradOptions32,
): Float32Array {
  const { lr, lrDecay, weightDecay: wd, eps } = o;
  state.t += 1;
  const clr = lr / (1 + (state.t - 1) * lrDecay);
  const sum = state.sum;
  const n = params.length;
  for (let i = 0; i < n; i++) {
    let g = grads[i];
    if (wd !== 0) g += wd * params[i];
    sum[i] += g * g;
    params[i] -= (clr * g) / (Math.sqrt(sum[i]) + eps);
  }
  return params;
}
