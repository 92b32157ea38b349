/**
 * A float32 matrix product, the readable reference for the WebAssembly SIMD kernel (see wasmGemm.ts).
 * All matrices are dense row-major.
 *
 * @example
 * // [1 2; 3 4] · [5 6; 7 8]
 * gemm(false, false, 2, 2, 2, Float32Array.of(1, 2, 3, 4), Float32Array.of(5, 6, 7, 8), new Float32Array(4));
 * //=> Float32Array [19, 22, 43, 50]
 */
export type Gemm = (
  transA: boolean,
  accumulate: boolean,
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  B: Float32Array,
  C: Float32Array,
) => Float32Array;

/**
 * C = op(A)·B, or C += op(A)·B when `accumulate`; op(A) is A (M x K) or, when `transA`, the transpose of
 * A stored K x M. B is K x N and C is M x N. Returns C.
 *
 * In float32 arithmetic, as torch's float32 tensors: each product is rounded to float32 and added to a
 * float32 sum that starts at 0 and runs over p = 0, 1, ..., K − 1 in order; with `accumulate` the sum is
 * then added to C. The fast kernels (WebAssembly SIMD in wasmGemm.ts, native in lib/native/mlp32.c) do
 * exactly these operations, so they give the same bits (tested).
 *
 * $$\begin{aligned} C_{ij} &\leftarrow [\text{accumulate}]\, C_{ij} + \sum_{p<K} \operatorname{op}(A)_{ip} B_{pj} \end{aligned}$$
 */
export const gemm: Gemm = (transA, accumulate, M, N, K, A, B, C) => {
  const row = new Float32Array(N); // row i of op(A)·B; storing into a Float32Array rounds to float32
  for (let i = 0; i < M; i++) {
    row.fill(0);
    for (let p = 0; p < K; p++) {
      const a = transA ? A[p * M + i] : A[i * K + p];
      const bp = p * N;
      for (let j = 0; j < N; j++) row[j] += Math.fround(a * B[bp + j]);
    }
    const ci = i * N;
    for (let j = 0; j < N; j++) C[ci + j] = accumulate ? C[ci + j] + row[j] : row[j];
  }
  return C;
};
