/**
 * The MLP's native kernels (lib/native/mlp32.c, compiled for this machine by `npm install`): the float32
 * matrix product, bit-identical to {@link gemm} for finite inputs, and the Adam step, bit-identical to
 * {@link adamStep32}. They work on the caller's Float32Arrays in place (any buffer).
 */
import { nativeAddon } from "../core/nativeAddon";
import type { Gemm } from "./gemm";
import type { AdamStep32 } from "./wasmAdamStep32";
import { detMath } from "../core/detMath";

interface Addon {
  gemm(
    transA: number,
    accumulate: number,
    M: number,
    N: number,
    K: number,
    A: Float32Array,
    B: Float32Array,
    C: Float32Array,
    scratch: Float32Array,
  ): void;
  adam(
    params: Float32Array,
    grads: Float32Array,
    m: Float32Array,
    v: Float32Array,
    beta1: number,
    beta2: number,
    stepSize: number,
    bc2Sqrt: number,
    eps: number,
    weightDecay: number,
  ): void;
}

/** The columns of B the native product takes at a time (its scratch holds K of them, zero-padded). */
const PANEL = 32;

/** True when the native kernels were built for this machine. */
export function nativeMlpAvailable(): boolean {
  return nativeAddon<Addon>("mlp32") !== null;
}

function addon(): Addon {
  const a = nativeAddon<Addon>("mlp32");
  if (a === null)
    throw new Error("Native MLP kernels unavailable (lib/native/build/mlp32.node: npm run build:native)");
  return a;
}

/** The native {@link gemm}, with its own scratch space (grown to the largest K it meets). */
export function createNativeGemm(): Gemm {
  const raw = addon().gemm;
  let scratch = new Float32Array(PANEL * 1024);
  return (transA, accumulate, M, N, K, A, B, C) => {
    if (scratch.length < PANEL * K) scratch = new Float32Array(PANEL * K);
    raw(transA ? 1 : 0, accumulate ? 1 : 0, M, N, K, A, B, C, scratch);
    return C;
  };
}

/** The native {@link adamStep32}: the same step count, bias corrections and arithmetic. */
export function createNativeAdamStep32(): AdamStep32 {
  const raw = addon().adam;
  return (params, grads, state, o) => {
    const [b1, b2] = o.betas;
    state.t += 1;
    const stepSize = o.lr / (1 - detMath.pow(b1, state.t));
    const bc2Sqrt = Math.sqrt(1 - detMath.pow(b2, state.t));
    raw(params, grads, state.m, state.v, b1, b2, stepSize, bc2Sqrt, o.eps, o.weightDecay);
    return params;
  };
}
