// C source of the MLP's native kernels, a Node-API addon built at install time by scripts/build-native.ts
// into lib/native/build/mlp32.node and used by lib/src/nn/mlp.ts (backend "native"):
//
// - gemm: the float32 matrix product of lib/src/nn/gemm.ts, bit-identical to it for finite inputs. Each
//   entry of C is summed from 0 over p = 0 .. K-1 in that order, every product rounded to float32 before it
//   is added (no fused multiply-add: -ffp-contract=off), then added to C when accumulating. The speed comes
//   from the order of the loops around that sum: a block of 6 rows x 32 columns of C stays in vector
//   registers (the machine's widest: AVX-512 here) while p runs, as in any fast matrix product. A step p
//   whose six entries of op(A) are all zero is skipped: adding the products 0 * b = ±0 leaves a sum that
//   starts at +0 unchanged (it is never -0), so only an infinite or NaN entry of B could tell the difference.
// - adam: one Adam step of lib/src/nn/adamStep32.ts, bit-identical to it: float32 arithmetic in torch's
//   order, as that loop (which rounds every operation with Math.fround) and the WebAssembly kernel do.
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "nativeArgs.h"

// ------------------------------------------------------------------------------------------- gemm

#define MR 6
#define NR 32
#define LANES 16

typedef float vf __attribute__((vector_size(LANES * sizeof(float))));

static inline vf loadv(const float *p) {
  vf v;
  memcpy(&v, p, sizeof v);
  return v;
}

static inline void storev(float *p, vf v) { memcpy(p, &v, sizeof v); }

// C[i0 .. i0+MR) x [j0 .. j0+NR) from the panel Bp (K rows of NR floats, row stride ldb), op(A)'s entry
// (i, p) at A[i * ars + p * acs]. Rows past M are computed from row M-1 and not stored; columns past the
// panel width w are not stored.
static inline void block(int64_t M, int64_t N, int64_t K, const float *restrict A, int64_t ars, int64_t acs,
                         const float *restrict Bp, int64_t ldb, float *restrict C, int64_t i0, int64_t j0,
                         int64_t w, int accumulate) {
  vf acc[MR][NR / LANES];
  for (int r = 0; r < MR; r++)
    for (int q = 0; q < NR / LANES; q++) acc[r][q] = (vf){0};
  const float *a[MR];
  for (int r = 0; r < MR; r++) a[r] = A + (i0 + r < M ? i0 + r : M - 1) * ars;
  for (int64_t p = 0; p < K; p++) {
    float s[MR];
    int any = 0;
    for (int r = 0; r < MR; r++) {
      s[r] = a[r][p * acs];
      any |= s[r] != 0;
    }
    if (!any) continue;
    const float *b = Bp + p * ldb;
    vf b0 = loadv(b), b1 = loadv(b + LANES);
    for (int r = 0; r < MR; r++) {
      acc[r][0] = acc[r][0] + s[r] * b0;
      acc[r][1] = acc[r][1] + s[r] * b1;
    }
  }
  for (int r = 0; r < MR && i0 + r < M; r++) {
    float *c = C + (i0 + r) * N + j0;
    float out[NR];
    for (int q = 0; q < NR / LANES; q++) storev(out + q * LANES, acc[r][q]);
    if (accumulate) {
      for (int64_t j = 0; j < w; j++) c[j] = c[j] + out[j];
    } else {
      memcpy(c, out, (size_t)w * sizeof(float));
    }
  }
}

// gemm(transA, accumulate, M, N, K, A, B, C, scratch): C = op(A)·B or C += op(A)·B; op(A) is A (M x K) or,
// when transA, the transpose of A stored K x M; B is K x N, C is M x N, all row-major Float32Arrays.
// scratch holds at least K * 32 floats (a zero-padded copy of B's last columns when N is not a multiple
// of 32).
static napi_value gemm(napi_env env, napi_callback_info info) {
  NativeArgs a;
  if (!nativeBegin(&a, env, info, 9)) return NULL;
  int transA = nativeNumber(&a, 0) != 0, accumulate = nativeNumber(&a, 1) != 0;
  double dm = nativeNumber(&a, 2), dn = nativeNumber(&a, 3), dk = nativeNumber(&a, 4);
  size_t nA, nB, nC, nS;
  const float *A = nativeFloat32(&a, 5, &nA);
  const float *B = nativeFloat32(&a, 6, &nB);
  float *C = nativeFloat32(&a, 7, &nC);
  float *scratch = nativeFloat32(&a, 8, &nS);
  if (a.failed) return NULL;
  if (!(dm >= 0 && dn >= 0 && dk >= 0 && dm < 2e9 && dn < 2e9 && dk < 2e9) || dm != floor(dm) ||
      dn != floor(dn) || dk != floor(dk)) {
    return nativeFail(&a, "M, N and K must be integers >= 0"), NULL;
  }
  int64_t M = (int64_t)dm, N = (int64_t)dn, K = (int64_t)dk;
  if ((double)nA < dm * dk || (double)nB < dk * dn || (double)nC < dm * dn) {
    return nativeFail(&a, "A, B or C is shorter than its shape"), NULL;
  }
  if ((double)nS < dk * NR) return nativeFail(&a, "scratch must hold K * 32 floats"), NULL;
  if (M == 0 || N == 0) return NULL;
  int64_t ars = transA ? 1 : K, acs = transA ? M : 1;
  for (int64_t j0 = 0; j0 < N; j0 += NR) {
    int64_t w = N - j0 < NR ? N - j0 : NR;
    const float *Bp = B + j0;
    int64_t ldb = N;
    if (w < NR) {  // the last columns: a zero-padded copy, so that the block reads whole vectors
      for (int64_t p = 0; p < K; p++) {
        memcpy(scratch + p * NR, B + p * N + j0, (size_t)w * sizeof(float));
        memset(scratch + p * NR + w, 0, (size_t)(NR - w) * sizeof(float));
      }
      Bp = scratch;
      ldb = NR;
    }
    for (int64_t i0 = 0; i0 < M; i0 += MR) block(M, N, K, A, ars, acs, Bp, ldb, C, i0, j0, w, accumulate);
  }
  return NULL;
}

// ------------------------------------------------------------------------------------------- Adam

// adam(params, grads, m, v, b1, b2, stepSize, bc2Sqrt, eps, weightDecay): adamStep32's loop in float32
// arithmetic (every scalar rounded to float32 first), the caller having counted the step and computed
// stepSize = lr / (1 - b1^t) and bc2Sqrt = sqrt(1 - b2^t) in float64.
static napi_value adam(napi_env env, napi_callback_info info) {
  NativeArgs a;
  if (!nativeBegin(&a, env, info, 10)) return NULL;
  size_t n, nG, nM, nV;
  float *restrict p = nativeFloat32(&a, 0, &n);
  const float *restrict g = nativeFloat32(&a, 1, &nG);
  float *restrict m = nativeFloat32(&a, 2, &nM);
  float *restrict v = nativeFloat32(&a, 3, &nV);
  double beta1 = nativeNumber(&a, 4), beta2 = nativeNumber(&a, 5);
  float b1 = (float)beta1, b2 = (float)beta2;
  float negStep = -(float)nativeNumber(&a, 6), bc2Sqrt = (float)nativeNumber(&a, 7);
  float eps = (float)nativeNumber(&a, 8), wd = (float)nativeNumber(&a, 9);
  if (a.failed) return NULL;
  if (nG != n || nM != n || nV != n) return nativeFail(&a, "params, grads, m and v differ in length"), NULL;
  float c1 = (float)(1 - beta1), c2 = (float)(1 - beta2);  // as torch: 1 - beta in float64, then float32
  if (wd == 0) {
    for (size_t i = 0; i < n; i++) {
      float x = p[i], d = g[i];
      float mi = b1 * m[i] + c1 * d;
      float vi = b2 * v[i] + (c2 * d) * d;
      m[i] = mi;
      v[i] = vi;
      p[i] = x + negStep * (mi / (sqrtf(vi) / bc2Sqrt + eps));
    }
  } else {
    for (size_t i = 0; i < n; i++) {
      float x = p[i], d = g[i] + wd * p[i];
      float mi = b1 * m[i] + c1 * d;
      float vi = b2 * v[i] + (c2 * d) * d;
      m[i] = mi;
      v[i] = vi;
      p[i] = x + negStep * (mi / (sqrtf(vi) / bc2Sqrt + eps));
    }
  }
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor functions[] = {NATIVE_FUNCTION(gemm), NATIVE_FUNCTION(adam)};
  napi_define_properties(env, exports, sizeof functions / sizeof functions[0], functions);
  return exports;
}
