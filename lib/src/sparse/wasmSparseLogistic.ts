/**
 * The WebAssembly kernel of per-sample sparse logistic regression (lib/wasm/sparseLogistic.wasm, built from
 * lib/assembly/sparseLogistic.ts): one epoch of SGD or Adagrad, the same float64 operations in the same
 * order as sgdEpoch / adagradEpoch in trainLogistic.ts, about twice as fast (no bounds checks on the gathers;
 * Adagrad's square roots and divisions two at a time on SIMD lanes).
 *
 * A workspace copies the matrix, labels, weights and accumulators into the kernel's WebAssembly memory; the
 * caller reads and writes them through the views `order`, `w`, `s` and `losses`. There is one memory per
 * process, grown as needed and reused by the next workspace (which invalidates the previous one's views):
 * training twice does not hold two copies of the data. It stays allocated at its largest size.
 */
import type { CSR } from "./csr";
import { wasmAvailable, wasmExports, wasmMemory } from "../core/wasmModule";
import type { WasmMemory } from "../core/wasmModule";

const KERNEL = "sparseLogistic";
/** Bytes at the start of the memory left to the kernel's static data (the tables of its exp and log1p). */
const RESERVED = 65536;

/** True when the kernel can run here (WebAssembly SIMD and lib/wasm/sparseLogistic.wasm). */
export function wasmSparseLogisticAvailable(): boolean {
  return wasmAvailable(KERNEL);
}

/** A workspace holding one data set and model in WebAssembly memory. */
export interface SparseLogisticWorkspace {
  /** The row order of the next epoch (shuffle it in place). */
  order: Int32Array;
  /** Weights (length cols). */
  w: Float64Array;
  /** Adagrad's accumulator (length cols). */
  s: Float64Array;
  /** The losses recorded during the last epoch: losses[q] is step (logBase + q) * logEvery. */
  losses: Float64Array;
  /** One SGD epoch from step t0; returns the new bias. */
  sgdEpoch(lr: number, b: number, logEvery: number, logBase: number, t0: number): number;
  /** One Adagrad epoch from step t0; returns the new bias and bias accumulator. */
  adagradEpoch(
    lr: number,
    lrDecay: number,
    eps: number,
    b: number,
    sb: number,
    logEvery: number,
    logBase: number,
    t0: number,
  ): { b: number; sb: number };
}

type Epoch = (...args: number[]) => number;

interface Shared {
  memory: WasmMemory & { grow(pages: number): number };
  exports: Record<string, unknown>;
}

let shared: Shared | null = null;

/** The process's kernel instance, its memory grown to at least `bytes`. */
function sharedInstance(bytes: number): Shared {
  if (shared === null) {
    const memory = wasmMemory(bytes) as Shared["memory"];
    shared = { memory, exports: wasmExports(KERNEL, memory) };
  } else if (shared.memory.buffer.byteLength < bytes) {
    shared.memory.grow(Math.ceil((bytes - shared.memory.buffer.byteLength) / 65536));
  }
  return shared;
}

/** Copies X and y into the kernel's memory, with room for the model and one epoch of losses. */
export function createSparseLogisticWorkspace(
  X: CSR,
  y: Float64Array,
  logEvery: number,
): SparseLogisticWorkspace {
  const n = X.rows;
  const d = X.cols;
  const nnz = X.indptr[n];
  const nLosses = Math.ceil(n / logEvery) + 1;
  // The kernel's own data (its static segment) lives below 64 KiB: our arrays start there.
  let bytes = RESERVED;
  const place = (size: number): number => {
    const at = bytes;
    bytes += Math.ceil(size / 16) * 16;
    return at;
  };
  const pOrder = place(4 * n);
  const pIndptr = place(4 * (n + 1));
  const pIndices = place(4 * nnz);
  const pData = place(8 * nnz);
  const pY = place(8 * n);
  const pW = place(8 * d);
  const pS = place(8 * d);
  const pSb = place(8);
  const pLosses = place(8 * nLosses);
  const { memory, exports } = sharedInstance(bytes);
  const buf = memory.buffer;
  new Int32Array(buf, pIndptr, n + 1).set(X.indptr);
  new Int32Array(buf, pIndices, nnz).set(X.indices);
  new Float64Array(buf, pData, nnz).set(X.data);
  new Float64Array(buf, pY, n).set(y);
  const sb = new Float64Array(buf, pSb, 1);
  const sgd = exports.sgdEpoch as Epoch;
  const adagrad = exports.adagradEpoch as Epoch;
  return {
    order: new Int32Array(buf, pOrder, n),
    w: new Float64Array(buf, pW, d),
    s: new Float64Array(buf, pS, d),
    losses: new Float64Array(buf, pLosses, nLosses),
    sgdEpoch: (lr, b, every, logBase, t0) =>
      sgd(n, pOrder, pIndptr, pIndices, pData, pY, pW, lr, b, pLosses, every, logBase, t0),
    adagradEpoch(lr, lrDecay, eps, b, sbIn, every, logBase, t0) {
      sb[0] = sbIn;
      const bOut = adagrad(
        n,
        pOrder,
        pIndptr,
        pIndices,
        pData,
        pY,
        pW,
        pS,
        lr,
        lrDecay,
        eps,
        b,
        pSb,
        pLosses,
        every,
        logBase,
        t0,
      );
      return { b: bOut, sb: sb[0] };
    },
  };
}
