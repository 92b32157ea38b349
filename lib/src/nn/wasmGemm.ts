import * as fs from "fs";
import * as path from "path";
import type { Gemm } from "./gemm";

/**
 * The WebAssembly SIMD version of {@link gemm}: lib/assembly/gemm.ts (AssemblyScript), compiled by
 * `npx tsx scripts/build-wasm.ts` into lib/wasm/gemm.wasm, a 1.3 kB file committed with its source (the build
 * needs no network). Its main loop keeps a 4 x 8 block of C in 128-bit registers; about 48 GFLOP/s for the
 * MLP's shapes on this machine's cores (22 in the measurement), against 1-2 for plain JS loops.
 *
 * The kernel reads and writes the module's linear memory, so every matrix must be a view into the
 * `memory` the kernel was created for (`createWasmGemm(memory)`); the MLP allocates all its arrays there.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
}

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

let cached: object | null | undefined;

/** The path of the compiled kernel: lib/wasm/gemm.wasm (the same from lib/src/nn and lib/dist/nn). */
export function wasmGemmPath(): string {
  return path.resolve(__dirname, "..", "..", "wasm", "gemm.wasm");
}

function api(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

function wasmModule(): object | null {
  if (cached !== undefined) return cached;
  cached = null;
  const wa = api();
  const file = wasmGemmPath();
  if (wa !== undefined && fs.existsSync(file)) {
    const bytes = fs.readFileSync(file);
    if (wa.validate(bytes)) cached = new wa.Module(bytes);
  }
  return cached;
}

/** True when the WebAssembly SIMD kernel can run here (WebAssembly with SIMD, compiled file present). */
export function wasmGemmAvailable(): boolean {
  return wasmModule() !== null;
}

/** A new WebAssembly memory of at least `bytes` bytes (whole 64 KiB pages), for `createWasmGemm`. */
export function wasmMemory(bytes: number): WasmMemory {
  const wa = api();
  if (wa === undefined) throw new Error("WebAssembly is not available in this JavaScript engine");
  return new wa.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
}

/**
 * A {@link Gemm} running the SIMD kernel on arrays that live in `memory`. Throws if the kernel is
 * unavailable, or (at call time) if a matrix is not a view into `memory`.
 */
export function createWasmGemm(memory: WasmMemory): Gemm {
  const mod = wasmModule();
  const wa = api();
  if (mod === null || wa === undefined) {
    throw new Error(`WebAssembly SIMD kernel unavailable (needs WebAssembly SIMD and ${wasmGemmPath()})`);
  }
  const raw = new wa.Instance(mod, { env: { memory } }).exports.gemm as RawGemm;
  const check = (name: string, x: Float32Array) => {
    if (x.buffer !== memory.buffer)
      throw new Error(`wasm gemm: matrix ${name} is not a view into the kernel's memory`);
  };
  return (transA, accumulate, M, N, K, A, B, C) => {
    check("A", A);
    check("B", B);
    check("C", C);
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
