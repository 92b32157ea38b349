import { detMath } from "../core/detMath";

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
 * Why not the readable `adam` of lib/src/optim/adam.ts: that one is the lessons' float64 optimizer (with
 * maximize, amsgrad and the lecture's variants) on Float64Arrays. The MLP keeps its 101,770 parameters in
 * float32, as torch does, and steps them 938 times an epoch with kernels (WebAssembly SIMD, native) that
 * must give this loop's numbers bit for bit. So this is the same update in float32 arithmetic, as torch's
 * float32 tensors compute it: every operation rounded to float32 (`f` = Math.fround; the scalars too), in
 * torch's order, θ + (−stepSize) · (m / denom).
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
  const f = Math.fround;
  state.t += 1;
  const b1 = f(o.betas[0]);
  const b2 = f(o.betas[1]);
  const c1 = f(1 - o.betas[0]); // torch: the scalar 1 - beta1 is computed in float64, then used in float32
  const c2 = f(1 - o.betas[1]);
  const negStep = f(-(o.lr / (1 - detMath.pow(o.betas[0], state.t))));
  const bc2Sqrt = f(Math.sqrt(1 - detMath.pow(o.betas[1], state.t)));
  const eps = f(o.eps);
  const wd = f(o.weightDecay);
  const { m, v } = state;
  const n = params.length;
  for (let i = 0; i < n; i++) {
    const x = params[i];
    let g = grads[i];
    if (wd !== 0) g = f(g + f(wd * x));
    const mi = f(f(b1 * m[i]) + f(c1 * g));
    const vi = f(f(b2 * v[i]) + f(f(c2 * g) * g));
    m[i] = mi;
    v[i] = vi;
    const denom = f(f(f(Math.sqrt(vi)) / bc2Sqrt) + eps);
    params[i] = f(x + f(negStep * f(mi / denom)));
  }
  return params;
}
