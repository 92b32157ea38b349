// C source of the native fused optimizer steps, a Node-API addon built at install time by
// scripts/build-native.ts into lib/native/build/optimStep.node and loaded by lib/src/optim/fastOptimizer.ts.
// It mirrors the WebAssembly kernels of lib/assembly/optimStep.ts function for function (same arguments,
// same operations in the same order) with the machine's widest vectors: the compiler is asked for
// -march=native, so on an AVX-512 machine one instruction does eight float64 where WebAssembly SIMD does two.
//
// Exactness: every operation is the readable optimizer's (lib/src/optim), in its order: torch's
// `a + alpha * b` for add_, `a + value * t1 * t2` for addcmul_, `a + value * t1 / t2` for addcdiv_. The
// build passes -ffp-contract=off (no fused multiply-add: each product is rounded as in JavaScript) and no
// -ffast-math (no reassociation, no approximate reciprocal or square root); -fno-math-errno only lets the
// compiler use the vector square-root instruction, which is correctly rounded like Math.sqrt. So the
// results are bit-identical to the readable loops and to the WebAssembly kernels (tested for every option).
//
// Each exported function takes the ArrayBuffer that holds every array, then the WebAssembly kernel's
// arguments: the number of blocks of four float64, the byte offsets of the arrays in the buffer, the scalars
// (computed by the caller in JavaScript, as the readable version does) and the flags (0 or 1). The loop
// bodies are always-inline functions taking the options as constants, called with constant flags for the
// common cases so that the compiler removes the branches, as in the WebAssembly source.
#include <math.h>
#include <node_api.h>
#include <stdint.h>
#include <stdio.h>

#define INLINE static inline __attribute__((always_inline))
#define MAX_ARGS 20

// ------------------------------------------------------------------------------------ argument parsing

typedef struct {
  napi_env env;
  size_t argc;
  napi_value argv[MAX_ARGS];
  uint8_t *base;
  size_t byteLength;
  int failed;
} Args;

static void fail(Args *a, const char *message) {
  if (!a->failed) napi_throw_range_error(a->env, NULL, message);
  a->failed = 1;
}

// Reads the arguments: argv[0] the ArrayBuffer, then `count` numbers.
static void readArgs(Args *a, napi_env env, napi_callback_info info, size_t count) {
  a->env = env;
  a->failed = 0;
  a->argc = MAX_ARGS;
  if (napi_get_cb_info(env, info, &a->argc, a->argv, NULL, NULL) != napi_ok) return fail(a, "bad call");
  if (a->argc != count + 1) {
    char message[96];
    snprintf(message, sizeof message, "expected %zu arguments, got %zu", count + 1, a->argc);
    return fail(a, message);
  }
  void *data = NULL;
  bool isBuffer = false;
  napi_is_arraybuffer(env, a->argv[0], &isBuffer);
  if (!isBuffer || napi_get_arraybuffer_info(env, a->argv[0], &data, &a->byteLength) != napi_ok) {
    return fail(a, "the first argument must be an ArrayBuffer");
  }
  a->base = (uint8_t *)data;
}

static double num(Args *a, size_t k) {
  double value = 0;
  if (!a->failed && napi_get_value_double(a->env, a->argv[k + 1], &value) != napi_ok) {
    char message[64];
    snprintf(message, sizeof message, "argument %zu must be a number", k + 1);
    fail(a, message);
  }
  return value;
}

// The array of `blocks` blocks of four float64 at byte offset argument k, checked to lie in the buffer.
static double *array(Args *a, size_t k, int64_t blocks) {
  double offset = num(a, k);
  if (a->failed) return NULL;
  double end = offset + (double)blocks * 32;
  if (!(offset >= 0) || offset != floor(offset) || (int64_t)offset % 8 != 0 || end > (double)a->byteLength) {
    char message[128];
    snprintf(message, sizeof message, "array at byte offset %.17g (%lld blocks) outside the buffer (%zu bytes)",
             offset, (long long)blocks, a->byteLength);
    fail(a, message);
    return NULL;
  }
  return (double *)(a->base + (int64_t)offset);
}

// Reads the buffer and `count` numbers, the first the number of blocks; false (with a JS error) if bad.
static int begin(Args *a, napi_env env, napi_callback_info info, size_t count, int64_t *blocks) {
  readArgs(a, env, info, count);
  double value = num(a, 0);
  if (!a->failed && !(value >= 0 && value == floor(value) && value < 9e15)) fail(a, "bad block count");
  *blocks = a->failed ? 0 : (int64_t)value;
  return !a->failed;
}

// d = maximize ? -g : g; then d + wd * x when decaying (torch: grad.add(param, alpha=weight_decay)).
INLINE double direction(double g, double x, double wd, int maximize, int decay) {
  double d = maximize ? -g : g;
  if (decay) d = d + wd * x;
  return d;
}

// ---------------------------------------------------------------------------------------------- SGD
// b = first ? d : b * momentum + (1 - dampening) * d; d = nesterov ? d + momentum * b : b (when momentum
// != 0); x = x + (-lr) * d.

INLINE void sgdLoop(int64_t n, double *restrict x, const double *restrict g, double *restrict b, double negLr,
                    double mom, double damp, double wd, int useMomentum, int nesterov, int maximize, int decay,
                    int first) {
  for (int64_t i = 0; i < n; i++) {
    double xi = x[i];
    double d = direction(g[i], xi, wd, maximize, decay);
    if (useMomentum) {
      double bi = first ? d : b[i] * mom + damp * d;
      b[i] = bi;
      d = nesterov ? d + mom * bi : bi;
    }
    x[i] = xi + negLr * d;
  }
}

static napi_value sgd(napi_env env, napi_callback_info info) {
  Args a;
  int64_t blocks;
  if (!begin(&a, env, info, 11, &blocks)) return NULL;
  int64_t n = blocks * 4;
  double *x = array(&a, 1, blocks), *g = array(&a, 2, blocks);
  double negLr = num(&a, 4), momentum = num(&a, 5), damp = num(&a, 6), wd = num(&a, 7);
  int nesterov = num(&a, 8) != 0, maximize = num(&a, 9) != 0, first = num(&a, 10) != 0;
  int useMomentum = momentum != 0, decay = wd != 0;
  double *b = useMomentum ? array(&a, 3, blocks) : NULL;
  if (a.failed) return NULL;
  if (useMomentum && !nesterov && !maximize && !first && !decay) {
    sgdLoop(n, x, g, b, negLr, momentum, damp, 0, 1, 0, 0, 0, 0);
  } else if (!useMomentum && !maximize && !decay) {
    sgdLoop(n, x, g, b, negLr, 0, 0, 0, 0, 0, 0, 0, 0);
  } else {
    sgdLoop(n, x, g, b, negLr, momentum, damp, wd, useMomentum, nesterov, maximize, decay, first);
  }
  return NULL;
}

// ------------------------------------------------------------------------------------------ Adagrad
// sum = sum + 1 * d * d; std = epsInside ? sqrt(sum + eps) : sqrt(sum) + eps; x = x + (-clr) * d / std,
// where clr = lr / (1 + (t - 1) lrDecay).

INLINE void adagradLoop(int64_t n, double *restrict x, const double *restrict g, double *restrict sum,
                        double negClr, double eps, double wd, int maximize, int decay, int epsInside) {
  for (int64_t i = 0; i < n; i++) {
    double xi = x[i];
    double d = direction(g[i], xi, wd, maximize, decay);
    double s = sum[i] + d * d;
    sum[i] = s;
    double std = epsInside ? sqrt(s + eps) : sqrt(s) + eps;
    x[i] = xi + (negClr * d) / std;
  }
}

static napi_value adagrad(napi_env env, napi_callback_info info) {
  Args a;
  int64_t blocks;
  if (!begin(&a, env, info, 9, &blocks)) return NULL;
  int64_t n = blocks * 4;
  double *x = array(&a, 1, blocks), *g = array(&a, 2, blocks), *sum = array(&a, 3, blocks);
  double negClr = num(&a, 4), eps = num(&a, 5), wd = num(&a, 6);
  int maximize = num(&a, 7) != 0, epsInside = num(&a, 8) != 0, decay = wd != 0;
  if (a.failed) return NULL;
  if (!maximize && !decay && !epsInside) {
    adagradLoop(n, x, g, sum, negClr, eps, 0, 0, 0, 0);
  } else {
    adagradLoop(n, x, g, sum, negClr, eps, wd, maximize, decay, epsInside);
  }
  return NULL;
}

// ------------------------------------------------------------------------------------------ RMSprop
// sq = sq * alpha + (1 - alpha) * d * d; when centered, ga = ga * alpha + (1 - alpha) * d and
// avg = sqrt(sq + (-1) * ga * ga), else avg = sqrt(sq); avg = avg + eps (epsInside: sqrt(... + eps)); with
// momentum, buf = buf * momentum + 1 * d / avg and x = x + (-lr) * buf, else x = x + (-lr) * d / avg.

INLINE void rmspropLoop(int64_t n, double *restrict x, const double *restrict g, double *restrict sq,
                        double *restrict ga, double *restrict buf, double negLr, double alpha, double eps,
                        double wd, double mom, int useMomentum, int centered, int maximize, int decay,
                        int epsInside) {
  double oneMinusAlpha = 1 - alpha;
  for (int64_t i = 0; i < n; i++) {
    double xi = x[i];
    double d = direction(g[i], xi, wd, maximize, decay);
    double s = sq[i] * alpha + (oneMinusAlpha * d) * d;
    sq[i] = s;
    double inner = s;
    if (centered) {
      double av = ga[i] * alpha + oneMinusAlpha * d;
      ga[i] = av;
      inner = s - av * av;  // s + (-1 * a) * a: (-1 * a) * a is -(a * a) exactly
    }
    double avg = epsInside ? sqrt(inner + eps) : sqrt(inner) + eps;
    if (useMomentum) {
      double bi = buf[i] * mom + d / avg;
      buf[i] = bi;
      x[i] = xi + negLr * bi;
    } else {
      x[i] = xi + (negLr * d) / avg;
    }
  }
}

static napi_value rmsprop(napi_env env, napi_callback_info info) {
  Args a;
  int64_t blocks;
  if (!begin(&a, env, info, 14, &blocks)) return NULL;
  int64_t n = blocks * 4;
  double *x = array(&a, 1, blocks), *g = array(&a, 2, blocks), *sq = array(&a, 3, blocks);
  double negLr = num(&a, 6), alpha = num(&a, 7), eps = num(&a, 8), wd = num(&a, 9), momentum = num(&a, 10);
  int centered = num(&a, 11) != 0, maximize = num(&a, 12) != 0, epsInside = num(&a, 13) != 0;
  int useMomentum = momentum > 0, decay = wd != 0;
  double *ga = centered ? array(&a, 4, blocks) : NULL;
  double *buf = useMomentum ? array(&a, 5, blocks) : NULL;
  if (a.failed) return NULL;
  if (!useMomentum && !centered && !maximize && !decay && !epsInside) {
    rmspropLoop(n, x, g, sq, ga, buf, negLr, alpha, eps, 0, 0, 0, 0, 0, 0, 0);
  } else if (useMomentum && !centered && !maximize && !decay && !epsInside) {
    rmspropLoop(n, x, g, sq, ga, buf, negLr, alpha, eps, 0, momentum, 1, 0, 0, 0, 0);
  } else {
    rmspropLoop(n, x, g, sq, ga, buf, negLr, alpha, eps, wd, momentum, useMomentum, centered, maximize, decay,
                epsInside);
  }
  return NULL;
}

// --------------------------------------------------------------------------------------- Adam, AdamW
// AdamW: x = x * (1 - lr * wd) first; Adam: d = d + wd * x; m = m * b1 + (1 - b1) * d;
// v = v * b2 + (1 - b2) * d * d; amsgrad: vmax = max(vmax, v) (Math.max: NaN wins) and v stands for vmax
// below; denom = sqrt(v) / sqrt(bc2) + eps (epsInside: sqrt(v / bc2 + eps)); x = x + (-stepSize) * m / denom.

INLINE void adamLoop(int64_t n, double *restrict x, const double *restrict g, double *restrict m,
                     double *restrict v, double *restrict vmax, double negStep, double b1, double b2, double bc2,
                     double bc2Sqrt, double eps, double wd, double factor, int decoupled, int coupled,
                     int amsgrad, int maximize, int epsInside) {
  double oneMinusB1 = 1 - b1, oneMinusB2 = 1 - b2;
  for (int64_t i = 0; i < n; i++) {
    double xi = x[i];
    if (decoupled) xi = xi * factor;
    double d = direction(g[i], xi, wd, maximize, coupled);
    double mi = m[i] * b1 + oneMinusB1 * d;
    double vi = v[i] * b2 + (oneMinusB2 * d) * d;
    m[i] = mi;
    v[i] = vi;
    if (amsgrad) {
      double old = vmax[i];
      double larger = old > vi ? old : vi;
      vi = old != old ? old : larger;
      vmax[i] = vi;
    }
    double denom = epsInside ? sqrt(vi / bc2 + eps) : sqrt(vi) / bc2Sqrt + eps;
    x[i] = xi + (negStep * mi) / denom;
  }
}

static napi_value adam(napi_env env, napi_callback_info info) {
  Args a;
  int64_t blocks;
  if (!begin(&a, env, info, 18, &blocks)) return NULL;
  int64_t n = blocks * 4;
  double *x = array(&a, 1, blocks), *g = array(&a, 2, blocks), *m = array(&a, 3, blocks);
  double *v = array(&a, 4, blocks);
  double negStep = num(&a, 6), b1 = num(&a, 7), b2 = num(&a, 8), bc2 = num(&a, 9), bc2Sqrt = num(&a, 10);
  double eps = num(&a, 11), wd = num(&a, 12), factor = num(&a, 13);
  int decoupled = num(&a, 14) != 0, amsgrad = num(&a, 15) != 0, maximize = num(&a, 16) != 0;
  int epsInside = num(&a, 17) != 0;
  double *vmax = amsgrad ? array(&a, 5, blocks) : NULL;
  int coupled = !decoupled && wd != 0;
  int plain = !amsgrad && !maximize && !epsInside;
  if (a.failed) return NULL;
  if (plain && !decoupled && !coupled) {
    adamLoop(n, x, g, m, v, vmax, negStep, b1, b2, bc2, bc2Sqrt, eps, 0, 1, 0, 0, 0, 0, 0);
  } else if (plain && decoupled) {
    adamLoop(n, x, g, m, v, vmax, negStep, b1, b2, bc2, bc2Sqrt, eps, 0, factor, 1, 0, 0, 0, 0);
  } else if (plain && coupled) {
    adamLoop(n, x, g, m, v, vmax, negStep, b1, b2, bc2, bc2Sqrt, eps, wd, 1, 0, 1, 0, 0, 0);
  } else {
    adamLoop(n, x, g, m, v, vmax, negStep, b1, b2, bc2, bc2Sqrt, eps, wd, factor, decoupled, coupled, amsgrad,
             maximize, epsInside);
  }
  return NULL;
}

// ------------------------------------------------------------------------------------------- module

// The address of the buffer's first byte modulo 64, so the caller can place its arrays on cache lines.
static napi_value addressMod64(napi_env env, napi_callback_info info) {
  Args a;
  readArgs(&a, env, info, 0);
  if (a.failed) return NULL;
  napi_value result;
  napi_create_uint32(env, (uint32_t)((uintptr_t)a.base % 64), &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor functions[] = {
      {"sgd", NULL, sgd, NULL, NULL, NULL, napi_enumerable, NULL},
      {"adagrad", NULL, adagrad, NULL, NULL, NULL, napi_enumerable, NULL},
      {"rmsprop", NULL, rmsprop, NULL, NULL, NULL, napi_enumerable, NULL},
      {"adam", NULL, adam, NULL, NULL, NULL, napi_enumerable, NULL},
      {"addressMod64", NULL, addressMod64, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof functions / sizeof functions[0], functions);
  return exports;
}
