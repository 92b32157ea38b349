import type { AdamOptions32, AdamState32 } from "./adamStep32";
import { checkInMemory, wasmAvailable, wasmExports, type WasmMemory } from "../core/wasmModule";
import { detMath } from "../core/detMath";

type RawAdam = (
  n: number,
  p: number,
  g: number,
  m: number,
  v: number,
  beta1: number,
  beta2: number,
  stepSize: number,
  bc2Sqrt: number,
  eps: number,
  wd: number,
) => void;

/** The signature of {@link adamStep32}, which the WebAssembly version shares. */
export type AdamStep32 = (
  params: Float32Array,
  grads: Float32Array,
  state: AdamState32,
  o: AdamOptions32,
) => Float32Array;

/** True when the WebAssembly SIMD Adam step can run here. */
export function wasmAdamAvailable(): boolean {
  return wasmAvailable("adam32");
}

/**
 * The WebAssembly SIMD version of {@link adamStep32} (lib/assembly/adam32.ts, compiled into
 * lib/wasm/adam32.wasm): the same update in float32 arithmetic, four lanes at a time. `params`, `grads` and the state's `m`, `v` must be views into `memory`.
 */
export function createWasmAdamStep32(memory: WasmMemory): AdamStep32 {
  const raw = wasmExports("adam32", memory).adam as RawAdam;
  return (params, grads, state, o) => {
    checkInMemory("adam", "params", params, memory);
    checkInMemory("adam", "grads", grads, memory);
    checkInMemory("adam", "state.m", state.m, memory);
    checkInMemory("adam", "state.v", state.v, memory);
    const [b1, b2] = o.betas;
    state.t += 1;
    const stepSize = o.lr / (1 - detMath.pow(b1, state.t));
    const bc2Sqrt = Math.sqrt(1 - detMath.pow(b2, state.t));
    const n = params.length;
    raw(
      n,
      params.byteOffset,
      grads.byteOffset,
      state.m.byteOffset,
      state.v.byteOffset,
      b1,
      b2,
      stepSize,
      bc2Sqrt,
      o.eps,
      o.weightDecay,
    );
    return params;
  };
}
