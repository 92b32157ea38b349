// AssemblyScript source of the per-sample sparse logistic-regression epochs (compiled into
// lib/wasm/sparseLogistic.wasm; loaded by lib/src/sparse/wasmSparseLogistic.ts). Not part of the TypeScript
// build: `f64`, `i32` and `usize` are AssemblyScript. The readable reference is sgdEpoch / adagradEpoch in
// lib/src/sparse/trainLogistic.ts: the same float64 operations in the same order.
//
// Pointers are byte offsets into the imported memory: order, indptr, indices (i32); data, y, w, s, losses
// (f64). One epoch over the rows in `order`; step t (counted from t0) records its loss in
// losses[t / logEvery - logBase] when t % logEvery == 0. Returns the bias; Adagrad reads and writes the
// bias's accumulator at `sb`.

// σ(z) and the loss share e = exp(-|z|): the same values as sigmoid() and bceWithLogits() in logistic.ts.
@inline
function sigmoidE(z: f64, e: f64): f64 {
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

@inline
function bceE(z: f64, y: f64, e: f64): f64 {
  return Math.max(z, 0) - z * y + Math.log1p(e);
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
    const e = Math.exp(-Math.abs(z));
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
    const e = Math.exp(-Math.abs(z));
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
