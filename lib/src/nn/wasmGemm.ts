import type { Gemm } from "./gemm";
import { checkInMemory, wasmAvailable, wasmExports, type WasmMemory } from "../core/wasmModule";

type RawGemm = (
  M: number,
  N: number,
  K: number,
  a: number,
  aRowStride: number,
  aColStride: number,
  b: number,
  c: number,
  accumulate: number,
) => void;

/** True when the WebAssembly SIMD matrix product can run here. */
export function wasmGemmAvailable(): boolean {
  return wasmAvailable("gemm");
}

/**
 * The WebAssembly SIMD version of {@link gemm}: lib/assembly/gemm.ts (AssemblyScript), compiled by
 * `npx tsx scripts/build-wasm.ts` into lib/wasm/gemm.wasm, a 1.2 kB file committed with its source (the
 * build needs no network). Its main loop keeps a 4 x 8 block of C in eight 128-bit registers.
 *
 * Every matrix must be a view into `memory` (checked at each call); the MLP allocates all its arrays there.
 */
export function createWasmGemm(memory: WasmMemory): Gemm {
  const raw = wasmExports("gemm", memory).gemm as RawGemm;
  return (transA, accumulate, M, N, K, A, B, C) => {
    checkInMemory("gemm", "matrix A", A, memory);
    checkInMemory("gemm", "matrix B", B, memory);
    checkInMemory("gemm", "matrix C", C, memory);
    raw(
      M,
      N,
      K,
      A.byteOffset,
      transA ? 1 : K,
      transA ? M : 1,
      B.byteOffset,
      C.byteOffset,
      accumulate ? 1 : 0,
    );
    return C;
  };
}
