/** Options of {@link adamStep32}: torch.optim.Adam's, camelCase (no amsgrad, no maximize). */
export interface AdamOptions32 {
  lr: number;
  betas: [number, number];
  eps: number;
  weightDecay: number;
}

/** State of {@link adamStep32}: the step count and the two moment estimates. */
export interface AdamState32 {
  t: number;
  m: Float32Array;
  v: Float32Array;
}

/**
 * One fused float32 Adam step over a flat parameter vector, torch.optim.Adam's update in torch's order
 * (bias corrections 1 - beta^t computed from t, eps added after dividing the root by its correction).
 * Updates `params` and `state` in place and returns `params`.
 *
 * $$\begin{aligned}
 * g_t &\leftarrow g_t + \lambda \theta_{t-1} \\
 * m_t &\leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t \\
 * v_t &\leftarrow \beta_2 v_{t-1} + (1 - \beta_2) g_t^2 \\
 * \theta_t &\leftarrow \theta_{t-1} - \frac{\gamma}{1 - \beta_1^t}\, m_t \Big/ \left(\sqrt{v_t} \big/ \sqrt{1 - \beta_2^t} + \epsilon\right)
 * \end{aligned}$$
 *
 * @example
 * const p = Float32Array.of(1), s = { t: 0, m: new Float32Array(1), v: new Float32Array(1) };
 * adamStep32(p, Float32Array.of(5), s, { lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 });
 * //=> Float32Array [0.8999999761581421]  (the first step has size lr whatever the gradient)
 */
export function adamStep32(
  params: Float32Array,
  grads: Float32Array,
  state: AdamState32,
  o: AdamOptions32,
): Float32Array {
  const [b1, b2] = o.betas;
  const { lr, eps, weightDecay: wd } = o;
  state.t += 1;
  const stepSize = lr / (1 - b1 ** state.t);
  const bc2Sqrt = Math.sqrt(1 - b2 ** state.t);
  const { m, v } = state;
  const n = params.length;
  for (let i = 0; i < n; i++) {
    let g = grads[i];
    if (wd !== 0) g += wd * params[i];
    m[i] = b1 * m[i] + (1 - b1) * g; // stored as float32, then read back as torch's float32 tensors are
    v[i] = b2 * v[i] + (1 - b2) * g * g;
    params[i] -= (stepSize * m[i]) / (Math.sqrt(v[i]) / bc2Sqrt + eps);
  }
  return params;
}
