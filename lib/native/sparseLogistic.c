// C source of the native per-sample sparse logistic-regression epochs, a Node-API addon built at install
// time by scripts/build-native.ts into lib/native/build/sparseLogistic.node and called by
// lib/src/sparse/trainLogistic.ts. The readable reference is sgdEpoch / adagradEpoch in that file: the same
// float64 operations in the same order, so the weights, bias, accumulators and losses are bit-identical
// (tested). The build passes -ffp-contract=off (no fused multiply-add) and no -ffast-math.
//
// Math.exp and Math.log1p are not the C library's functions in V8: they are fdlibm's algorithms (Sun
// Microsystems' freely distributable libm), which differ from glibc's in the last bit for about one
// argument in ten. So this file computes exp and log1p with fdlibm's algorithm (argument reduction by ln 2
// in two parts and the same minimax polynomials), written here for the arguments the kernels pass: exp of
// -|z| (any finite or infinite value) and log1p of a value in [0, 1].
//
// Why native: the loops are a gather (the dot product w·x_i) and a scatter (the update) over a row's
// non-zeros, in a shuffled order of rows that leaves them waiting on memory. Here the rows are first
// copied in the epoch's order into a small buffer (below), and the code is compiled for the machine: an
// epoch takes about half the time of the WebAssembly kernel, which stays the fallback where no compiler is.
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nativeArgs.h"

#if defined(__AVX2__)
#include <immintrin.h>
#endif

// ------------------------------------------------------------------------- fdlibm's exp and log1p

static inline int32_t highWord(double x) {
  uint64_t u;
  memcpy(&u, &x, 8);
  return (int32_t)(u >> 32);
}

static inline uint32_t lowWord(double x) {
  uint64_t u;
  memcpy(&u, &x, 8);
  return (uint32_t)u;
}

static inline double withHighWord(double x, int32_t high) {
  uint64_t u;
  memcpy(&u, &x, 8);
  u = (u & 0xffffffffULL) | ((uint64_t)(uint32_t)high << 32);
  memcpy(&x, &u, 8);
  return x;
}

// e^x: x = k ln2 + r with |r| <= ln2 / 2 (ln 2 split into a high part exact in k * ln2Hi and a low part),
// e^r from a rational form with a degree-5 minimax polynomial, then 2^k added to the exponent.
static double fdlibmExp(double x) {
  static const double halfSigned[2] = {0.5, -0.5};
  static const double ln2Hi[2] = {6.93147180369123816490e-01, -6.93147180369123816490e-01};
  static const double ln2Lo[2] = {1.90821492927058770002e-10, -1.90821492927058770002e-10};
  const double overflow = 7.09782712893383973096e+02, underflow = -7.45133219101941108420e+02;
  const double invLn2 = 1.44269504088896338700e+00, twoM1000 = 9.33263618503218878990e-302, huge = 1.0e300;
  const double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03;
  const double P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06;
  const double P5 = 4.13813679705723846039e-08;
  double hi = 0, lo = 0;
  int k = 0;
  uint32_t hx = (uint32_t)highWord(x);
  int sign = (hx >> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862E42) {  // |x| >= 709.78: NaN, infinities, overflow, underflow
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) != 0) return x + x;
      return sign == 0 ? x : 0.0;
    }
    if (x > overflow) return huge * huge;
    if (x < underflow) return twoM1000 * twoM1000;
  }
  if (hx > 0x3fd62e42) {    // |x| > ln2 / 2
    if (hx < 0x3FF0A2B2) {  // and |x| < 1.5 ln2
      hi = x - ln2Hi[sign];
      lo = ln2Lo[sign];
      k = 1 - sign - sign;
    } else {
      k = (int)(invLn2 * x + halfSigned[sign]);
      double t = k;
      hi = x - t * ln2Hi[0];
      lo = t * ln2Lo[0];
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {  // |x| < 2^-28
    if (huge + x > 1.0) return 1.0 + x;
  }
  double t = x * x;
  double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20));
  y = withHighWord(y, highWord(y) + ((k + 1000) << 20));
  return y * twoM1000;
}

// log(1 + x): 1 + x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2) and a correction c for the rounding of
// 1 + x; log(1 + f) from s = f / (2 + f) and a degree-7 minimax polynomial in s^2.
static double fdlibmLog1p(double x) {
  const double ln2Hi = 6.93147180369123816490e-01, ln2Lo = 1.90821492927058770002e-10;
  const double two54 = 1.80143985094819840000e+16;
  const double Lp1 = 6.666666666666735130e-01, Lp2 = 3.999999999940941908e-01, Lp3 = 2.857142874366239149e-01;
  const double Lp4 = 2.222219843214978396e-01, Lp5 = 1.818357216161805012e-01, Lp6 = 1.531383769920937332e-01;
  const double Lp7 = 1.479819860511658591e-01;
  double f = 0, c = 0, u;
  int32_t hx = highWord(x), ax = hx & 0x7fffffff, hu = 0, k = 1;
  if (hx < 0x3FDA827A) {    // x < 0.41422
    if (ax >= 0x3ff00000) {  // x <= -1
      if (x == -1.0) return -INFINITY;
      return NAN;
    }
    if (ax < 0x3e200000) {  // |x| < 2^-29
      if (two54 + x > 0.0 && ax < 0x3c900000) return x;
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (int32_t)0xbfd2bec3) {  // -0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k != 0) {
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = (k > 0) ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000);
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000);
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  double halfSquare = 0.5 * f * f;
  if (hu == 0) {  // |f| < 2^-20
    if (f == 0.0) {
      if (k == 0) return 0.0;
      c += k * ln2Lo;
      return k * ln2Hi + c;
    }
    double R = halfSquare * (1.0 - 0.66666666666666666 * f);
    if (k == 0) return f - R;
    return k * ln2Hi - ((R - (k * ln2Lo + c)) - f);
  }
  double s = f / (2.0 + f);
  double z = s * s;
  double R = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
  if (k == 0) return f - (halfSquare - s * (halfSquare + R));
  return k * ln2Hi - ((halfSquare - (s * (halfSquare + R) + (k * ln2Lo + c))) - f);
}

// ------------------------------------------------------------------------------------ the epochs

// Math.max(z, 0): NaN stays NaN, and -0 gives +0.
static inline double maxZero(double z) { return z != z ? z : (z > 0 ? z : 0.0); }

// Σ data[k] w[stride indices[k]] over the row, in two partial sums (even and odd entries), as dot() in
// trainLogistic.ts. The stride is 1 for w alone and 2 for Adagrad's interleaved (w, s) pairs.
static inline double rowDot(const int32_t *restrict indices, const double *restrict data, int32_t len,
                            const double *restrict w, size_t stride) {
  double z0 = 0, z1 = 0;
  int32_t k = 0;
  for (; k + 1 < len; k += 2) {
    z0 += data[k] * w[stride * (size_t)indices[k]];
    z1 += data[k + 1] * w[stride * (size_t)indices[k + 1]];
  }
  if (k < len) z0 += data[k] * w[stride * (size_t)indices[k]];
  return z0 + z1;
}

// Rows are taken in a shuffled order, so each row's entries are somewhere new in memory and the loops
// would wait on the memory for every row (about three times slower than in storage order). So the rows
// of a chunk are first copied, in the epoch's order, into a small contiguous buffer (independent copies
// that the processor overlaps, reading ahead at the memory's full bandwidth), then trained on from there.
// The copy changes where the values are read from, not the values or the order of the operations.

#define CHUNK_ENTRIES 16384

#define CHUNK_ROWS 512

typedef struct {
  int32_t *indices;  // CHUNK_ENTRIES
  double *data;      // CHUNK_ENTRIES
  int32_t *start;    // CHUNK_ROWS + 1: where each of the chunk's rows starts in the buffer
} Chunk;

static int allocChunk(NativeArgs *a, Chunk *c) {
  c->indices = malloc(CHUNK_ENTRIES * sizeof(int32_t));
  c->data = malloc(CHUNK_ENTRIES * sizeof(double));
  c->start = malloc((CHUNK_ROWS + 1) * sizeof(int32_t));
  if (c->indices == NULL || c->data == NULL || c->start == NULL) {
    free(c->indices), free(c->data), free(c->start);
    return nativeFail(a, "out of memory"), 0;
  }
  return 1;
}

static void freeChunk(Chunk *c) { free(c->indices), free(c->data), free(c->start); }

// The entries of row p (of the chunk starting at p0): in the buffer, or in place when direct.
#define ROW_ENTRIES                                                                       \
  prefetchRow(order, indptr, indices, data, p1 + (p - p0), e.rows);                       \
  int32_t i = order[p];                                                                   \
  const int32_t *rowIndices = direct ? indices + indptr[i] : chunk.indices + chunk.start[p - p0]; \
  const double *rowData = direct ? data + indptr[i] : chunk.data + chunk.start[p - p0];   \
  int32_t len = direct ? indptr[i + 1] - indptr[i] : chunk.start[p - p0 + 1] - chunk.start[p - p0];

// Asks for the cache lines of row order[p]'s entries, to be copied with the next chunk while this one
// trains (no effect on the numbers).
static inline void prefetchRow(const int32_t *order, const int32_t *indptr, const int32_t *indices,
                               const double *data, int32_t p, int32_t rows) {
  if (p >= rows) return;
  int32_t i = order[p];
  for (int32_t k = indptr[i], end = indptr[i + 1]; k < end; k += 8) __builtin_prefetch(data + k);
  for (int32_t k = indptr[i], end = indptr[i + 1]; k < end; k += 16) __builtin_prefetch(indices + k);
}

// Copies rows order[p0 ..) into the chunk until it is full; a row too long for it is used in place
// (*direct = 1, alone in its chunk). Returns the end p1 of the chunk's rows.
static int32_t gatherChunk(const int32_t *order, const int32_t *indptr, const int32_t *indices,
                           const double *data, int32_t p0, int32_t rows, Chunk *c, int *direct) {
  int32_t n = 0, p = p0;
  c->start[0] = 0;
  *direct = 0;
  int32_t i0 = order[p0];
  if (indptr[i0 + 1] - indptr[i0] > CHUNK_ENTRIES) {
    *direct = 1;
    return p0 + 1;
  }
  while (p < rows && p - p0 < CHUNK_ROWS) {
    int32_t i = order[p];
    int32_t len = indptr[i + 1] - indptr[i];
    if (n + len > CHUNK_ENTRIES) break;
    memcpy(c->indices + n, indices + indptr[i], (size_t)len * sizeof(int32_t));
    memcpy(c->data + n, data + indptr[i], (size_t)len * sizeof(double));
    n += len;
    p++;
    c->start[p - p0] = n;
  }
  return p;
}

// The arguments both epochs share, checked: the matrix, labels, weights and the loss record.
typedef struct {
  int32_t rows;
  const int32_t *order, *indptr, *indices;
  const double *data, *y;
  double *w, *losses, *io;
  size_t cols, nLosses, nIo;
} Epoch;

static int readEpoch(NativeArgs *a, Epoch *e) {
  size_t nOrder, nIndptr, nIndices, nData, nY;
  e->order = nativeInt32(a, 0, &nOrder);
  e->indptr = nativeInt32(a, 1, &nIndptr);
  e->indices = nativeInt32(a, 2, &nIndices);
  e->data = nativeFloat64(a, 3, &nData);
  e->y = nativeFloat64(a, 4, &nY);
  e->w = nativeFloat64(a, 5, &e->cols);
  e->losses = nativeFloat64(a, 6, &e->nLosses);
  e->io = nativeFloat64(a, 7, &e->nIo);
  if (a->failed) return 0;
  if (nIndptr == 0 || nIndptr - 1 > INT32_MAX) return nativeFail(a, "indptr must have rows + 1 entries"), 0;
  e->rows = (int32_t)(nIndptr - 1);
  if (nOrder != (size_t)e->rows || nY != (size_t)e->rows || nIndices != nData) {
    return nativeFail(a, "order, y and indptr disagree on the rows, or indices and data on the entries"), 0;
  }
  // The row pointers and the order index memory: check them (O(rows)). The column indices were checked
  // by csrValidate before the first epoch (checking them here would cost a pass over every entry).
  if (e->indptr[0] != 0 || (size_t)e->indptr[e->rows] > nIndices) return nativeFail(a, "bad indptr"), 0;
  for (int32_t i = 0; i < e->rows; i++) {
    if (e->indptr[i + 1] < e->indptr[i]) return nativeFail(a, "indptr decreases"), 0;
    if (e->order[i] < 0 || e->order[i] >= e->rows) return nativeFail(a, "order holds a row out of range"), 0;
  }
  return 1;
}

// The loss record of step t (counted over the whole training), checked to lie in the array.
static int checkLosses(NativeArgs *a, const Epoch *e, double t0, double logEvery) {
  if (!(logEvery >= 1 && logEvery < 9e15 && logEvery == floor(logEvery)) ||
      !(t0 >= 0 && t0 < 9e15 && t0 == floor(t0))) {
    return nativeFail(a, "t0 and logEvery must be integers, logEvery >= 1"), 0;
  }
  double last = floor((t0 + e->rows - 1) / logEvery);
  if (e->rows > 0 && !(last < (double)e->nLosses)) return nativeFail(a, "losses too short for the epoch"), 0;
  return 1;
}

// The logged steps of a chunk: z, e^-|z| and the label. Their losses are computed after the chunk's rows,
// off the chain of dependent operations from one row to the next (each row's step waits on the previous
// row's update), where the logarithms fill otherwise idle cycles; the same operations on the same values.
typedef struct {
  int32_t n;
  double z[CHUNK_ROWS], ez[CHUNK_ROWS], y[CHUNK_ROWS];
} Logged;

static inline void logStep(Logged *l, double z, double ez, double y) {
  l->z[l->n] = z, l->ez[l->n] = ez, l->y[l->n] = y, l->n++;
}

static inline int64_t recordLosses(const Logged *l, double *losses, int64_t logAt) {
  for (int32_t q = 0; q < l->n; q++) {
    losses[logAt++] = maxZero(l->z[q]) - l->z[q] * l->y[q] + fdlibmLog1p(l->ez[q]);
  }
  return logAt;
}

// sgdEpoch(order, indptr, indices, data, y, w, losses, io, lr, t0, logEvery): one epoch of per-sample SGD
// over the rows in `order`, from step t0; io[0] is the bias (read and written).
static napi_value sgdEpoch(napi_env env, napi_callback_info info) {
  NativeArgs a;
  Epoch e;
  if (!nativeBegin(&a, env, info, 11) || !readEpoch(&a, &e)) return NULL;
  double lr = nativeNumber(&a, 8), t0 = nativeNumber(&a, 9), logEvery = nativeNumber(&a, 10);
  if (a.failed || !checkLosses(&a, &e, t0, logEvery)) return NULL;
  if (e.nIo < 1) return nativeFail(&a, "io must hold the bias"), NULL;
  const int32_t *restrict order = e.order, *restrict indptr = e.indptr, *restrict indices = e.indices;
  const double *restrict data = e.data, *restrict y = e.y;
  double *restrict w = e.w;
  double b = e.io[0];
  int64_t t = (int64_t)t0, every = (int64_t)logEvery;
  // Step t is logged when t % every == 0: counted down rather than divided for every row.
  int64_t wait = (every - t % every) % every, logAt = (t + wait) / every;
  Chunk chunk;
  if (!allocChunk(&a, &chunk)) return NULL;
  for (int32_t p0 = 0; p0 < e.rows;) {
    int direct;
    int32_t p1 = gatherChunk(order, indptr, indices, data, p0, e.rows, &chunk, &direct);
    Logged logged;
    logged.n = 0;
    for (int32_t p = p0; p < p1; p++) {
      ROW_ENTRIES
      double z = b + rowDot(rowIndices, rowData, len, w, 1);
      double yi = y[i];
      double ez = fdlibmExp(-fabs(z));
      if (wait-- == 0) logStep(&logged, z, ez, yi), wait = every - 1;
      double step = lr * ((z >= 0 ? 1 / (1 + ez) : ez / (1 + ez)) - yi);
      int32_t k = 0;
#if defined(__AVX512F__)
      // The products step * x_k eight at a time on one vector instruction (fewer instructions per entry;
      // the same IEEE products), subtracted one by one.
      const __m512d stepv = _mm512_set1_pd(step);
      for (; k + 8 <= len; k += 8) {
        double product[8];
        _mm512_storeu_pd(product, _mm512_mul_pd(stepv, _mm512_loadu_pd(rowData + k)));
        for (int l = 0; l < 8; l++) w[rowIndices[k + l]] -= product[l];
      }
#endif
      for (; k < len; k++) w[rowIndices[k]] -= step * rowData[k];
      b -= step;
      t++;
    }
    logAt = recordLosses(&logged, e.losses, logAt);
    p0 = p1;
  }
  freeChunk(&chunk);
  e.io[0] = b;
  return NULL;
}

#if defined(__AVX2__)
// The (w, s) pairs at a and b in one vector: w_a, s_a, w_b, s_b.
static inline __m256d pairs(const double *a, const double *b) {
  return _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_load_pd(a)), _mm_load_pd(b), 1);
}
#endif

#if defined(__AVX512F__) && defined(__AVX512DQ__)  // DQ: _mm512_extractf64x2_pd
// Adagrad's update of n <= 8 entries (columns idx[0 .. n), data x[0 .. n)) in the interleaved pairs ws:
// the lanes hold entries 0, 2, 1, 3, 4, 6, 5, 7 after unpacking, so the data is permuted to match. Lanes
// l >= n work on the scratch pair with data 0.
static inline void adagradEight(double *restrict ws, const int32_t *restrict idx, const double *restrict x,
                                int32_t n, __m512d rv, __m512d clrv, __m512d epsv, double *scratch) {
  const __m512i lanes = _mm512_set_epi64(7, 5, 6, 4, 3, 1, 2, 0);
  double *q[8];
  for (int32_t l = 0; l < 8; l++) q[l] = l < n ? ws + 2 * (size_t)idx[l] : scratch;
  __m512d p0 = _mm512_insertf64x4(_mm512_castpd256_pd512(pairs(q[0], q[1])), pairs(q[4], q[5]), 1);
  __m512d p1 = _mm512_insertf64x4(_mm512_castpd256_pd512(pairs(q[2], q[3])), pairs(q[6], q[7]), 1);
  __m512d wv = _mm512_unpacklo_pd(p0, p1), sv = _mm512_unpackhi_pd(p0, p1);
  __m512d xv = n == 8 ? _mm512_loadu_pd(x) : _mm512_maskz_loadu_pd((__mmask8)((1u << n) - 1), x);
  __m512d g = _mm512_mul_pd(rv, _mm512_permutexvar_pd(lanes, xv));
  sv = _mm512_add_pd(sv, _mm512_mul_pd(g, g));
  __m512d u = _mm512_div_pd(_mm512_mul_pd(clrv, g), _mm512_add_pd(_mm512_sqrt_pd(sv), epsv));
  wv = _mm512_sub_pd(wv, u);
  __m512d lo = _mm512_unpacklo_pd(wv, sv), hi = _mm512_unpackhi_pd(wv, sv);
  _mm_store_pd(q[0], _mm512_extractf64x2_pd(lo, 0));
  _mm_store_pd(q[1], _mm512_extractf64x2_pd(lo, 1));
  _mm_store_pd(q[4], _mm512_extractf64x2_pd(lo, 2));
  _mm_store_pd(q[5], _mm512_extractf64x2_pd(lo, 3));
  _mm_store_pd(q[2], _mm512_extractf64x2_pd(hi, 0));
  _mm_store_pd(q[3], _mm512_extractf64x2_pd(hi, 1));
  _mm_store_pd(q[6], _mm512_extractf64x2_pd(hi, 2));
  _mm_store_pd(q[7], _mm512_extractf64x2_pd(hi, 3));
}
#endif

// adagradEpoch(order, indptr, indices, data, y, w, losses, io, s, lr, lrDecay, eps, t0, logEvery): one epoch
// of per-sample Adagrad from step t0; io[0] is the bias and io[1] its accumulator (read and written).
//
// For the epoch, w and s are kept interleaved, ws[2j] = w[j] and ws[2j + 1] = s[j] (copied in at the start
// and out at the end): the update of feature j reads and writes both, and as a pair they share one cache
// line where the separate arrays take two (separate arrays, read with AVX-512 gathers, made Adagrad's
// epochs take 1.25-1.55 times as long).
//
// Where Adagrad's extra time over SGD's goes (20 epochs of these functions called from C, medians of 11
// paired repeats; Adagrad / SGD 1.22 on SpamAssassin and 1.27 on the RCV1-shaped data): about half is the
// square roots and divisions, which queue for the processor's divider (replacing them by a multiplication,
// for the measurement only, gave 1.12 and 1.21), and most of the rest is the pairs' memory, twice SGD's
// weights (SGD itself on weights 16 bytes apart takes 1.10 and 1.08 times as long). Tried, bit-identical,
// and slower (Adagrad / SGD): the square roots from rsqrt14 and Newton steps verified exact with fused
// multiply-adds (1.57 and 1.47), as two four-lane instructions (1.32), the next row's pairs prefetched
// (1.47 and 1.38); the next chunk copied a row at a time between the rows made both epochs slower. No
// faster within the noise: 2 MB pages for the pairs, smaller chunks, non-temporal prefetches, the chunk's
// indices doubled (no shift per entry), rows padded to whole vectors.
static napi_value adagradEpoch(napi_env env, napi_callback_info info) {
  NativeArgs a;
  Epoch e;
  if (!nativeBegin(&a, env, info, 14) || !readEpoch(&a, &e)) return NULL;
  size_t nS;
  double *restrict s = nativeFloat64(&a, 8, &nS);
  double lr = nativeNumber(&a, 9), lrDecay = nativeNumber(&a, 10), eps = nativeNumber(&a, 11);
  double t0 = nativeNumber(&a, 12), logEvery = nativeNumber(&a, 13);
  if (a.failed || !checkLosses(&a, &e, t0, logEvery)) return NULL;
  if (e.nIo < 2) return nativeFail(&a, "io must hold the bias and its accumulator"), NULL;
  if (nS != e.cols) return nativeFail(&a, "s and w differ in length"), NULL;
  const int32_t *restrict order = e.order, *restrict indptr = e.indptr, *restrict indices = e.indices;
  const double *restrict data = e.data, *restrict y = e.y;
  double *restrict w = e.w;
  double b = e.io[0], sb = e.io[1];
  int64_t t = (int64_t)t0, every = (int64_t)logEvery;
  int64_t wait = (every - t % every) % every, logAt = (t + wait) / every;
  size_t cols = e.cols;
  double *restrict ws = aligned_alloc(64, (cols * 2 * sizeof(double) + 63) / 64 * 64 + 64);
  if (ws == NULL) return nativeFail(&a, "out of memory"), NULL;
  for (size_t j = 0; j < cols; j++) ws[2 * j] = w[j], ws[2 * j + 1] = s[j];
  double tail[2] __attribute__((aligned(16))) = {0, 1};  // the scratch pair of adagradEight's unused lanes
  (void)tail;
  Chunk chunk;
  if (!allocChunk(&a, &chunk)) return free(ws), NULL;
  for (int32_t p0 = 0; p0 < e.rows;) {
    int direct;
    int32_t p1 = gatherChunk(order, indptr, indices, data, p0, e.rows, &chunk, &direct);
    Logged logged;
    logged.n = 0;
    for (int32_t p = p0; p < p1; p++) {
      ROW_ENTRIES
      double z = b + rowDot(rowIndices, rowData, len, ws, 2);
      double yi = y[i];
      double ez = fdlibmExp(-fabs(z));
      if (wait-- == 0) logStep(&logged, z, ez, yi), wait = every - 1;
      double r = (z >= 0 ? 1 / (1 + ez) : ez / (1 + ez)) - yi;
      t++;
      double clr = lrDecay == 0 ? lr : lr / (1 + (double)(t - 1) * lrDecay);
      int32_t k = 0;
      // Several entries at a time: the square roots and divisions on one vector instruction each. Every lane does the scalar loop's IEEE operations (no approximation, no fused multiply-add),
      // and a row's columns are distinct, so the lanes are independent: the same numbers as the scalar loop.
      // Each (w, s) pair is one 16-byte load and store; unpacking puts the w and the s of entries
      // 0, 2, 1, 3 (4, 6, 5, 7) in the lanes of two vectors, and the row's data is permuted to match.
#if defined(__AVX512F__) && defined(__AVX512DQ__)
      // Eight entries at a time (measured faster here than four: fewer instructions per entry), the last
      // 1 to 7 of the row with the other lanes on a scratch pair (data 0: their results are discarded).
      const __m512d rv8 = _mm512_set1_pd(r), clrv8 = _mm512_set1_pd(clr), epsv8 = _mm512_set1_pd(eps);
      for (; k + 8 <= len; k += 8) adagradEight(ws, rowIndices + k, rowData + k, 8, rv8, clrv8, epsv8, tail);
      if (k < len) adagradEight(ws, rowIndices + k, rowData + k, len - k, rv8, clrv8, epsv8, tail), k = len;
#endif
#if defined(__AVX2__)
      const __m256d rv = _mm256_set1_pd(r), clrv = _mm256_set1_pd(clr), epsv = _mm256_set1_pd(eps);
      for (; k + 4 <= len; k += 4) {
        double *q0 = ws + 2 * (size_t)rowIndices[k], *q1 = ws + 2 * (size_t)rowIndices[k + 1];
        double *q2 = ws + 2 * (size_t)rowIndices[k + 2], *q3 = ws + 2 * (size_t)rowIndices[k + 3];
        __m256d p01 = pairs(q0, q1), p23 = pairs(q2, q3);
        __m256d wv = _mm256_unpacklo_pd(p01, p23), sv = _mm256_unpackhi_pd(p01, p23);
        __m256d g = _mm256_mul_pd(rv, _mm256_permute4x64_pd(_mm256_loadu_pd(rowData + k), 0xD8));
        sv = _mm256_add_pd(sv, _mm256_mul_pd(g, g));
        __m256d u = _mm256_div_pd(_mm256_mul_pd(clrv, g), _mm256_add_pd(_mm256_sqrt_pd(sv), epsv));
        wv = _mm256_sub_pd(wv, u);
        __m256d lo = _mm256_unpacklo_pd(wv, sv), hi = _mm256_unpackhi_pd(wv, sv);
        _mm_store_pd(q0, _mm256_castpd256_pd128(lo));
        _mm_store_pd(q1, _mm256_extractf128_pd(lo, 1));
        _mm_store_pd(q2, _mm256_castpd256_pd128(hi));
        _mm_store_pd(q3, _mm256_extractf128_pd(hi, 1));
      }
#endif
      for (; k < len; k++) {
        double *q = ws + 2 * (size_t)rowIndices[k];
        double g = r * rowData[k];
        double sk = q[1] + g * g;
        q[1] = sk;
        q[0] -= (clr * g) / (sqrt(sk) + eps);
      }
      sb += r * r;
      b -= (clr * r) / (sqrt(sb) + eps);
    }
    logAt = recordLosses(&logged, e.losses, logAt);
    p0 = p1;
  }
  freeChunk(&chunk);
  for (size_t j = 0; j < cols; j++) w[j] = ws[2 * j], s[j] = ws[2 * j + 1];
  free(ws);
  e.io[0] = b;
  e.io[1] = sb;
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor functions[] = {NATIVE_FUNCTION(sgdEpoch), NATIVE_FUNCTION(adagradEpoch)};
  napi_define_properties(env, exports, sizeof functions / sizeof functions[0], functions);
  return exports;
}
