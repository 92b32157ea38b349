/**
 * The native kernel of per-sample sparse logistic regression (lib/native/sparseLogistic.c, compiled for
 * this machine by `npm install`): one epoch of SGD or Adagrad, the float64 operations of sgdEpoch /
 * adagradEpoch in trainLogistic.ts in the same order (with V8's exp and log1p algorithms), so bit-identical
 * to them. It works on the caller's typed arrays in place: no copy of the data.
 */
import { nativeAddon } from "../core/nativeAddon";

/** The addon's functions. `io` holds the bias (and Adagrad's bias accumulator), read and written. */
export interface NativeSparseLogistic {
  sgdEpoch(
    order: Int32Array,
    indptr: Int32Array,
    indices: Int32Array,
    data: Float64Array,
    y: Float64Array,
    w: Float64Array,
    losses: Float64Array,
    io: Float64Array,
    lr: number,
    t0: number,
    logEvery: number,
  ): void;
  adagradEpoch(
    order: Int32Array,
    indptr: Int32Array,
    indices: Int32Array,
    data: Float64Array,
    y: Float64Array,
    w: Float64Array,
    losses: Float64Array,
    io: Float64Array,
    s: Float64Array,
    lr: number,
    lrDecay: number,
    eps: number,
    t0: number,
    logEvery: number,
  ): void;
}

/** The native kernel, or null where it was not built for this machine. */
export function nativeSparseLogistic(): NativeSparseLogistic | null {
  return nativeAddon<NativeSparseLogistic>("sparseLogistic");
}

/** True when the native kernel can run here. */
export function nativeSparseLogisticAvailable(): boolean {
  return nativeSparseLogistic() !== null;
}
