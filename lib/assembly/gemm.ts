// AssemblyScript source of the MLP's WebAssembly SIMD kernel (compiled by scripts/build-wasm.ts into
// lib/wasm/gemm.wasm). Not part of the TypeScript build: `f32`, `v128` and `load<T>` are AssemblyScript.
//
// gemm: C = A·B (or C += A·B), f32, B row-major K x N and C row-major M x N, both contiguous; A is read
// through strides so that the same kernel computes A·B (A row-major M x K: rowStride K, colStride 1) and
// Aᵀ·B (A row-major K x M: rowStride 1, colStride M). Pointers and strides are in bytes / elements as named.
// The main loop keeps a 4 x 8 block of C in eight 128-bit registers: per step of the inner dimension it
// loads two vectors of B's row p, splats four entries of A, and does 8 multiply-adds of 4 lanes.

function fma(acc: v128, x: v128, y: v128): v128 {
  return f32x4.add(acc, f32x4.mul(x, y));
}

export function gemm(
  M: i32,
  N: i32,
  K: i32,
  a: usize,
  aRowStride: i32,
  aColStride: i32,
  b: usize,
  c: usize,
  accumulate: i32,
): void {
  const rs = (<usize>aRowStride) << 2;
  const cs = (<usize>aColStride) << 2;
  const bRow = (<usize>N) << 2;
  const N8 = N & ~7;
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const a0 = a + <usize>i * rs;
    const c0 = c + <usize>(i * N) * 4;
    let j = 0;
    for (; j < N8; j += 8) {
      let c00 = f32x4.splat(0),
        c01 = f32x4.splat(0);
      let c10 = f32x4.splat(0),
        c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0),
        c21 = f32x4.splat(0);
      let c30 = f32x4.splat(0),
        c31 = f32x4.splat(0);
      let ap = a0;
      let bp = b + ((<usize>j) << 2);
      for (let p = 0; p < K; p++) {
        const b0 = v128.load(bp);
        const b1 = v128.load(bp, 16);
        let x = v128.load32_splat(ap);
        c00 = fma(c00, x, b0);
        c01 = fma(c01, x, b1);
        x = v128.load32_splat(ap + rs);
        c10 = fma(c10, x, b0);
        c11 = fma(c11, x, b1);
        x = v128.load32_splat(ap + 2 * rs);
        c20 = fma(c20, x, b0);
        c21 = fma(c21, x, b1);
        x = v128.load32_splat(ap + 3 * rs);
        c30 = fma(c30, x, b0);
        c31 = fma(c31, x, b1);
        ap += cs;
        bp += bRow;
      }
      const cp = c0 + ((<usize>j) << 2);
      if (accumulate) {
        c00 = f32x4.add(c00, v128.load(cp));
        c01 = f32x4.add(c01, v128.load(cp, 16));
        c10 = f32x4.add(c10, v128.load(cp + bRow));
        c11 = f32x4.add(c11, v128.load(cp + bRow, 16));
        c20 = f32x4.add(c20, v128.load(cp + 2 * bRow));
        c21 = f32x4.add(c21, v128.load(cp + 2 * bRow, 16));
        c30 = f32x4.add(c30, v128.load(cp + 3 * bRow));
        c31 = f32x4.add(c31, v128.load(cp + 3 * bRow, 16));
      }
      v128.store(cp, c00);
      v128.store(cp, c01, 16);
      v128.store(cp + bRow, c10);
      v128.store(cp + bRow, c11, 16);
      v128.store(cp + 2 * bRow, c20);
      v128.store(cp + 2 * bRow, c21, 16);
      v128.store(cp + 3 * bRow, c30);
      v128.store(cp + 3 * bRow, c31, 16);
    }
    for (let r = 0; r < 4; r++) tailColumns(i + r, j, N, K, a, rs, cs, b, c, accumulate);
  }
  for (; i < M; i++) {
    let j = 0;
    const ai = a + <usize>i * rs;
    const ci = c + <usize>(i * N) * 4;
    for (; j + 4 <= N; j += 4) {
      let acc = f32x4.splat(0);
      let ap = ai;
      let bp = b + ((<usize>j) << 2);
      for (let p = 0; p < K; p++) {
        acc = fma(acc, v128.load32_splat(ap), v128.load(bp));
        ap += cs;
        bp += bRow;
      }
      const cp = ci + ((<usize>j) << 2);
      if (accumulate) acc = f32x4.add(acc, v128.load(cp));
      v128.store(cp, acc);
    }
    tailColumns(i, j, N, K, a, rs, cs, b, c, accumulate);
  }
}

// Columns j0..N-1 of row i, one scalar at a time (the part of N that is not a multiple of the block).
function tailColumns(
  i: i32,
  j0: i32,
  N: i32,
  K: i32,
  a: usize,
  rs: usize,
  cs: usize,
  b: usize,
  c: usize,
  accumulate: i32,
): void {
  const bRow = (<usize>N) << 2;
  for (let j = j0; j < N; j++) {
    let acc: f32 = 0;
    let ap = a + <usize>i * rs;
    let bp = b + ((<usize>j) << 2);
    for (let p = 0; p < K; p++) {
      acc += load<f32>(ap) * load<f32>(bp);
      ap += cs;
      bp += bRow;
    }
    const cp = c + ((<usize>(i * N + j)) << 2);
    if (accumulate) acc += load<f32>(cp);
    store<f32>(cp, acc);
  }
}
