// AssemblyScript source of the per-sample sparse logistic-regression epochs (compiled into
// lib/wasm/sparseLogistic.wasm; loaded by lib/src/sparse/wasmSparseLogistic.ts). Not part of the TypeScript
// build: `f64`, `i32` and `usize` are AssemblyScript. The readable reference is sgdEpoch / adagradEpoch in
// lib/src/sparse/trainLogistic.ts: the same float64 operations in the same order.
//
// Pointers are byte offsets into the imported memory: order, indptr, indices (i32); data, y, w, s, losses
// (f64). One epoch over the rows in `order`; step t (counted from t0) records its loss in
// losses[t / logEvery - logBase] when t % logEvery == 0. Returns the bias; Adagrad reads and writes the
// bias's accumulator at `sb`.

// exp and log1p are fdlibm's algorithms, as lib's detMath (stdlib's port) and lib/native/sparseLogistic.c
// compute them: AssemblyScript's own Math.exp and Math.log1p are other algorithms (table-driven), which
// differ from fdlibm's in the last bit for about one exp argument in ten. Written for the arguments the
// epochs pass: exp of -|z| and log1p of a value in [0, 1] (the C file's port, line for line).

@inline
function highWord(x: f64): i32 {
  return <i32>(reinterpret<u64>(x) >> 32);
}

@inline
function lowWord(x: f64): u32 {
  return <u32>reinterpret<u64>(x);
}

@inline
function withHighWord(x: f64, high: i32): f64 {
  return reinterpret<f64>((reinterpret<u64>(x) & 0xffffffff) | (<u64>(<u32>high) << 32));
}

// e^x: x = k ln2 + r with |r| <= ln2 / 2, e^r from a rational form with a degree-5 minimax polynomial.
function fdlibmExp(x: f64): f64 {
  const ln2Hi: f64 = 6.93147180369123816490e-1;
  const ln2Lo: f64 = 1.90821492927058770002e-10;
  const overflow: f64 = 7.09782712893383973096e2;
  const underflow: f64 = -7.45133219101941108420e2;
  const invLn2: f64 = 1.442695040888963387;
  const twoM1000: f64 = 9.3326361850321887899e-302;
  const huge: f64 = 1.0e300;
  const P1: f64 = 1.66666666666666019037e-1;
  const P2: f64 = -2.77777777770155933842e-3;
  const P3: f64 = 6.61375632143793436117e-5;
  const P4: f64 = -1.65339022054652515390e-6;
  const P5: f64 = 4.13813679705723846039e-8;
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;
  let hx = <u32>highWord(x);
  const sign = <i32>((hx >> 31) & 1);
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) != 0) return x + x;
      return sign == 0 ? x : 0.0;
    }
    if (x > overflow) return huge * huge;
    if (x < underflow) return twoM1000 * twoM1000;
  }
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      hi = x - (sign == 0 ? ln2Hi : -ln2Hi);
      lo = sign == 0 ? ln2Lo : -ln2Lo;
      k = 1 - sign - sign;
    } else {
      k = <i32>(invLn2 * x + (sign == 0 ? 0.5 : -0.5));
      const t = <f64>k;
      hi = x - t * ln2Hi;
      lo = t * ln2Lo;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    if (huge + x > 1.0) return 1.0 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  let y = 1.0 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20));
  y = withHighWord(y, highWord(y) + ((k + 1000) << 20));
  return y * twoM1000;
}

// log(1 + x): 1 + x = 2^k (1 + f), log(1 + f) from s = f / (2 + f) and a degree-7 minimax polynomial.
function fdlibmLog1p(x: f64): f64 {
  const ln2Hi: f64 = 6.93147180369123816490e-1;
  const ln2Lo: f64 = 1.90821492927058770002e-10;
  const two54: f64 = 1.8014398509481984e16;
  const Lp1: f64 = 6.666666666666735130e-1;
  const Lp2: f64 = 3.999999999940941908e-1;
  const Lp3: f64 = 2.857142874366239149e-1;
  const Lp4: f64 = 2.222219843214978396e-1;
  const Lp5: f64 = 1.818357216161805012e-1;
  const Lp6: f64 = 1.531383769920937332e-1;
  const Lp7: f64 = 1.479819860511658591e-1;
  let f: f64 = 0;
  let c: f64 = 0;
  let u: f64 = 0;
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let hu: i32 = 0;
  let k: i32 = 1;
  if (hx < 0x3fda827a) {
    if (ax >= 0x3ff00000) {
      if (x == -1.0) return -Infinity;
      return NaN;
    }
    if (ax < 0x3e200000) {
      if (two54 + x > 0.0 && ax < 0x3c900000) return x;
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= <i32>0xbfd2bec3) {
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
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
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
  const halfSquare = 0.5 * f * f;
  if (hu == 0) {
    if (f == 0.0) {
      if (k == 0) return 0.0;
      c += <f64>k * ln2Lo;
      return <f64>k * ln2Hi + c;
    }
    const R = halfSquare * (1.0 - 0.66666666666666666 * f);
    if (k == 0) return f - R;
    return <f64>k * ln2Hi - (R - (<f64>k * ln2Lo + c) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const R = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
  if (k == 0) return f - (halfSquare - s * (halfSquare + R));
  return <f64>k * ln2Hi - (halfSquare - (s * (halfSquare + R) + (<f64>k * ln2Lo + c)) - f);
}

// σ(z) and the loss share e = exp(-|z|): the same values as sigmoid() and bceWithLogits() in logistic.ts.
@inline
function sigmoidE(z: f64, e: f64): f64 {
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

@inline
function bceE(z: f64, y: f64, e: f64): f64 {
  return Math.max(z, 0) - z * y + fdlibmLog1p(e);
}

// Loads one value per cache line of row order[p] (if p < rows), so that its cache misses overlap with the
// work on the current row: a software prefetch (WebAssembly has no prefetch instruction). Returns a sum
// that keeps the loads alive.
@inline
function touchRow(order: usize, indptr: usize, indices: usize, data: usize, p: i32, rows: i32): f64 {
  if (p >= rows) return 0;
  const i = load<i32>(order + ((<usize>p) << 2));
  const start = load<i32>(indptr + ((<usize>i) << 2));
  const end = load<i32>(indptr + ((<usize>(i + 1)) << 2));
  let acc: f64 = 0;
  for (let k = start; k < end; k += 8) acc += load<f64>(data + ((<usize>k) << 3));
  for (let k = start; k < end; k += 16) acc += <f64>load<i32>(indices + ((<usize>k) << 2));
  return acc;
}

/** Where the prefetch sums go (never read). */
export let sink: f64 = 0;

@inline
function dot(indices: usize, data: usize, start: i32, end: i32, w: usize): f64 {
  let z0: f64 = 0;
  let z1: f64 = 0;
  let k = start;
  for (; k + 1 < end; k += 2) {
    z0 += load<f64>(data + ((<usize>k) << 3)) * load<f64>(w + ((<usize>load<i32>(indices + ((<usize>k) << 2))) << 3));
    z1 +=
      load<f64>(data + ((<usize>(k + 1)) << 3)) * load<f64>(w + ((<usize>load<i32>(indices + ((<usize>(k + 1)) << 2))) << 3));
  }
  if (k < end) {
    z0 += load<f64>(data + ((<usize>k) << 3)) * load<f64>(w + ((<usize>load<i32>(indices + ((<usize>k) << 2))) << 3));
  }
  return z0 + z1;
}

export function sgdEpoch(
  rows: i32,
  order: usize,
  indptr: usize,
  indices: usize,
  data: usize,
  y: usize,
  w: usize,
  lr: f64,
  b: f64,
  losses: usize,
  logEvery: i32,
  logBase: i32,
  t0: i32,
): f64 {
  let t = t0;
  let pf: f64 = 0;
  for (let p = 0; p < rows; p++) {
    pf += touchRow(order, indptr, indices, data, p + 1, rows);
    const i = load<i32>(order + ((<usize>p) << 2));
    const start = load<i32>(indptr + ((<usize>i) << 2));
    const end = load<i32>(indptr + ((<usize>(i + 1)) << 2));
    const z = b + dot(indices, data, start, end, w);
    const yi = load<f64>(y + ((<usize>i) << 3));
    const e = fdlibmExp(-Math.abs(z));
    if (t % logEvery == 0) store<f64>(losses + ((<usize>(t / logEvery - logBase)) << 3), bceE(z, yi, e));
    const step = lr * (sigmoidE(z, e) - yi);
    for (let k = start; k < end; k++) {
      const a = w + ((<usize>load<i32>(indices + ((<usize>k) << 2))) << 3);
      store<f64>(a, load<f64>(a) - step * load<f64>(data + ((<usize>k) << 3)));
    }
    b -= step;
    t++;
  }
  sink = pf;
  return b;
}

export function adagradEpoch(
  rows: i32,
  order: usize,
  indptr: usize,
  indices: usize,
  data: usize,
  y: usize,
  w: usize,
  s: usize,
  lr: f64,
  lrDecay: f64,
  eps: f64,
  b: f64,
  sb: usize,
  losses: usize,
  logEvery: i32,
  logBase: i32,
  t0: i32,
): f64 {
  let t = t0;
  let sbv = load<f64>(sb);
  let pf: f64 = 0;
  for (let p = 0; p < rows; p++) {
    pf += touchRow(order, indptr, indices, data, p + 1, rows);
    const i = load<i32>(order + ((<usize>p) << 2));
    const start = load<i32>(indptr + ((<usize>i) << 2));
    const end = load<i32>(indptr + ((<usize>(i + 1)) << 2));
    const z = b + dot(indices, data, start, end, w);
    const yi = load<f64>(y + ((<usize>i) << 3));
    const e = fdlibmExp(-Math.abs(z));
    if (t % logEvery == 0) store<f64>(losses + ((<usize>(t / logEvery - logBase)) << 3), bceE(z, yi, e));
    const r = sigmoidE(z, e) - yi;
    t++;
    const clr = lrDecay == 0 ? lr : lr / (1 + <f64>(t - 1) * lrDecay);
    // Two entries at a time: the square root and the division (the cost of Adagrad) run on both SIMD lanes.
    // Lane-wise IEEE arithmetic: the same numbers as the scalar loop below. A row's columns are distinct.
    const rv = f64x2.splat(r);
    const clrv = f64x2.splat(clr);
    const epsv = f64x2.splat(eps);
    let k = start;
    for (; k + 1 < end; k += 2) {
      const j0 = (<usize>load<i32>(indices + ((<usize>k) << 2))) << 3;
      const j1 = (<usize>load<i32>(indices + ((<usize>(k + 1)) << 2))) << 3;
      const g = f64x2.mul(rv, v128.load(data + ((<usize>k) << 3)));
      const s2 = f64x2.add(f64x2.replace_lane(f64x2.splat(load<f64>(s + j0)), 1, load<f64>(s + j1)), f64x2.mul(g, g));
      store<f64>(s + j0, f64x2.extract_lane(s2, 0));
      store<f64>(s + j1, f64x2.extract_lane(s2, 1));
      const u = f64x2.div(f64x2.mul(clrv, g), f64x2.add(f64x2.sqrt(s2), epsv));
      store<f64>(w + j0, load<f64>(w + j0) - f64x2.extract_lane(u, 0));
      store<f64>(w + j1, load<f64>(w + j1) - f64x2.extract_lane(u, 1));
    }
    for (; k < end; k++) {
      const j = (<usize>load<i32>(indices + ((<usize>k) << 2))) << 3;
      const g = r * load<f64>(data + ((<usize>k) << 3));
      const sj = load<f64>(s + j) + g * g;
      store<f64>(s + j, sj);
      store<f64>(w + j, load<f64>(w + j) - (clr * g) / (Math.sqrt(sj) + eps));
    }
    sbv += r * r;
    b -= (clr * r) / (Math.sqrt(sbv) + eps);
  }
  store<f64>(sb, sbv);
  sink = pf;
  return b;
}
