// AssemblyScript source of the MLP's fused float32 Adam step (compiled by scripts/build-wasm.ts into
// lib/wasm/adam32.wasm; loaded by lib/src/nn/wasmAdam32.ts). Not part of the TypeScript build: `f32`, `v128`
// and `usize` are AssemblyScript. The readable reference is lib/src/nn/adamStep32.ts.
//
// One step over n float32 parameters, four lanes at a time, in float32 arithmetic and torch's order:
//   m = beta1 * m + (1 - beta1) * d;  v = beta2 * v + (1 - beta2) * d * d   (d = g + wd * p)
//   p = p + (-stepSize) * (m / (sqrt(v) / bc2Sqrt + eps))
// stepSize = lr / (1 - beta1^t) and bc2Sqrt = sqrt(1 - beta2^t) are computed by the caller. Pointers are
// byte offsets into the imported memory.

export function adam(
  n: i32,
  p: usize,
  g: usize,
  m: usize,
  v: usize,
  beta1: f64,
  beta2: f64,
  stepSize: f32,
  bc2Sqrt: f32,
  eps: f32,
  wd: f32,
): void {
  // As torch: the scalars beta and 1 - beta are computed in float64, then used in float32.
  const beta1f = <f32>beta1;
  const beta2f = <f32>beta2;
  const oneMinusBeta1 = <f32>(1 - beta1);
  const oneMinusBeta2 = <f32>(1 - beta2);
  const b1 = f32x4.splat(beta1f);
  const c1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2f);
  const c2 = f32x4.splat(oneMinusBeta2);
  const step = f32x4.splat(-stepSize);
  const bc = f32x4.splat(bc2Sqrt);
  const e = f32x4.splat(eps);
  const w = f32x4.splat(wd);
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    const off = (<usize>i) << 2;
    const x = v128.load(p + off);
    let d = v128.load(g + off);
    if (wd != 0) d = f32x4.add(d, f32x4.mul(w, x));
    const mi = f32x4.add(f32x4.mul(b1, v128.load(m + off)), f32x4.mul(c1, d));
    const vi = f32x4.add(f32x4.mul(b2, v128.load(v + off)), f32x4.mul(f32x4.mul(c2, d), d));
    v128.store(m + off, mi);
    v128.store(v + off, vi);
    const denom = f32x4.add(f32x4.div(f32x4.sqrt(vi), bc), e);
    v128.store(p + off, f32x4.add(x, f32x4.mul(step, f32x4.div(mi, denom))));
  }
  for (; i < n; i++) {
    const off = (<usize>i) << 2;
    const x = load<f32>(p + off);
    let d = load<f32>(g + off);
    if (wd != 0) d += wd * x;
    const mi = beta1f * load<f32>(m + off) + oneMinusBeta1 * d;
    const vi = beta2f * load<f32>(v + off) + oneMinusBeta2 * d * d;
    store<f32>(m + off, mi);
    store<f32>(v + off, vi);
    store<f32>(p + off, x + -stepSize * (mi / (Mathf.sqrt(vi) / bc2Sqrt + eps)));
  }
}
