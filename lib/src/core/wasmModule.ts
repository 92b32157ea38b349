import { platform } from "./platform";

/**
 * Loading the WebAssembly kernels of the MLP, the sparse logistic regression and the fast optimizers
 * (lib/wasm/<name>.wasm, built from lib/assembly/<name>.ts by scripts/build-wasm.ts and committed), read
 * through the platform. Each kernel imports its linear memory, so one memory per model holds every array
 * the kernels touch; TypeScript code reads the same arrays as typed-array views.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

/** The few WebAssembly entry points used here (declared locally: the library's lib has no DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
}

const modules = new Map<string, object | null>();

function api(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

/** The location of a compiled kernel: lib/wasm/<name>.wasm in the installed @dlopt/lib. */
export function wasmPath(name: string): string {
  return platform().resolve(`@dlopt/lib/wasm/${name}.wasm`);
}

/** The compiled module, or null where it cannot run (no WebAssembly SIMD, or the file is missing). */
function wasmModule(name: string): object | null {
  if (!modules.has(name)) {
    let mod: object | null = null;
    const wa = api();
    const file = wasmPath(name);
    if (wa !== undefined && platform().exists(file)) {
      const bytes = platform().readFile(file);
      if (wa.validate(bytes)) mod = new wa.Module(bytes);
    }
    modules.set(name, mod);
  }
  return modules.get(name) ?? null;
}

/** True when the kernel `name` ("gemm", "adam32") can run here. */
export function wasmAvailable(name: string): boolean {
  return wasmModule(name) !== null;
}

/** A new WebAssembly memory of at least `bytes` bytes (whole 64 KiB pages). */
export function wasmMemory(bytes: number): WasmMemory {
  const wa = api();
  if (wa === undefined) throw new Error("WebAssembly is not available in this JavaScript engine");
  return new wa.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
}

/** The exports of kernel `name` instantiated on `memory`; throws where the kernel cannot run. */
export function wasmExports(name: string, memory: WasmMemory): Record<string, unknown> {
  const mod = wasmModule(name);
  const wa = api();
  if (mod === null || wa === undefined) {
    throw new Error(`WebAssembly SIMD kernel unavailable (needs WebAssembly SIMD and ${wasmPath(name)})`);
  }
  return new wa.Instance(mod, { env: { memory } }).exports;
}

/** Throws unless `x` is a view into `memory` (the kernels address memory by the views' byte offsets). */
export function checkInMemory(kernel: string, what: string, x: Float32Array, memory: WasmMemory): void {
  if (x.buffer !== memory.buffer)
    throw new Error(`wasm ${kernel}: ${what} is not a view into the kernel's memory`);
}
