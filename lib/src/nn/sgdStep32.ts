/** Options of {@link sgdStep32}: torch.optim.SGD's, camelCase (no `maximize`). */
export interface SgdOptions32 {
  lr: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
}

/** State of {@link sgdStep32}: the step count and the momentum buffer (unused when momentum is 0). */
export interface SgdState32 {
  t: number;
  buf: Float32Array;
}

/**
 * One fused float32 step of SGD with momentum over a flat parameter vector, torch.optim.SGD's update in
 * torch's order (the buffer starts as the first gradient, not as zero). Updates `params` (and `state`) in
 * place and returns `params`.
 *
 * $$\begin{aligned}
 * g_t &\leftarrow g_t + \lambda \theta_{t-1} \\
 * b_t &\leftarrow g_t \ \text{if}\ t = 1, \ \text{else}\ \mu b_{t-1} + (1 - \tau) g_t \\
 * g_t &\leftarrow g_t + \mu b_t \ \text{(nesterov), else}\ b_t \ \text{(if}\ \mu \neq 0) \\
 * \theta_t &\leftarrow \theta_{t-1} - \gamma g_t
 * \end{aligned}$$
 *
 * Why not the readable `sgd` of lib/src/optim/sgd.ts: that one is the lessons' float64 optimizer (with maximize
 * and the lecture's variants) on Float64Arrays. The MLP keeps its parameters in one flat float32 vector, as
 * torch does, and steps it every batch; this is the same update on float32 storage (each result rounded
 * to float32 when stored, as torch's float32 tensors are), without the options the MLP lessons do not use.
 *
 * @example
 * const p = Float32Array.of(1), s = { t: 0, buf: new Float32Array(1) };
 * const o = { lr: 0.1, momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 0 };
 * sgdStep32(p, Float32Array.of(1), s, o); //=> Float32Array [0.8999999761581421]  (buf = 1)
 * sgdStep32(p, Float32Array.of(1), s, o); //=> Float32Array [0.7099999785423279]  (buf = 0.9 + 1)
 */
export function sgdStep32(
  params: Float32Array,
  grads: Float32Array,
  state: SgdState32,
  o: SgdOptions32,
): Float32Array {
  const { lr, momentum: mu, dampening, nesterov, weightDecay: wd } = o;
  state.t += 1;
  const first = state.t === 1;
  const buf = state.buf;
  const n = params.length;
  for (let i = 0; i < n; i++) {
    let g = grads[i];
    if (wd !== 0) g += wd * params[i];
    if (mu !== 0) {
      buf[i] = first ? g : mu * buf[i] + (1 - dampening) * g;
      g = nesterov ? g + mu * buf[i] : buf[i];
    }
    params[i] -= lr * g;
  }
  return params;
}
