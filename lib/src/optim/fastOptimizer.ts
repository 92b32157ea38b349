import { nativeAddon as loadNativeAddon, nativeAddonPath } from "../core/nativeAddon";
import type { FusedStep, Optimizer } from "../core/types";
import { checkFinite, checkInteger, checkNonNegative, checkOptionKeys } from "../core/validate";
import { wasmAvailable, wasmExports, wasmMemory, wasmPath } from "../core/wasmModule";
import type { AdagradOptions, AdagradState } from "./adagrad";
import type { AdamOptions, AdamState } from "./adam";
import { optimizers } from "./registry";
import type { RmspropOptions, RmspropState } from "./rmsprop";
import type { SgdOptions, SgdState } from "./sgd";

/** The optimizers with a fused step (native and WebAssembly): those whose readable version has `fused`. */
export type FastOptimizerName = "SGD" | "Adagrad" | "RMSprop" | "Adam" | "AdamW";

/** The options each fast optimizer takes: exactly those of its readable version (torch's, camelCase). */
export interface FastOptimizerOptions {
  SGD: Partial<SgdOptions> & { lr: number };
  Adagrad: Partial<AdagradOptions>;
  RMSprop: Partial<RmspropOptions>;
  Adam: Partial<AdamOptions>;
  AdamW: Partial<AdamOptions>;
}

/** The state of each fast optimizer: the readable version's state type, its arrays views of WASM memory. */
export interface FastOptimizerStates {
  SGD: SgdState;
  Adagrad: AdagradState;
  RMSprop: RmspropState;
  Adam: AdamState;
  AdamW: AdamState;
}

/** The configs (options with defaults filled in) of each fast optimizer. */
export interface FastOptimizerConfigs {
  SGD: SgdOptions;
  Adagrad: AdagradOptions;
  RMSprop: RmspropOptions;
  Adam: AdamOptions;
  AdamW: AdamOptions;
}

/**
 * Which code runs the step: the native kernel (C compiled at install for this processor,
 * lib/native/optimStep.c), the WebAssembly SIMD kernel (lib/assembly/optimStep.ts), or the readable
 * loop in JavaScript. All three give bit-identical results.
 */
export type FastBackend = "native" | "wasm" | "js";

/**
 * An optimizer that owns its arrays: write the gradient into `g`, call `step()`, read the parameters in
 * `x`. All of `x`, `g` and the state's arrays are views into one buffer (a WebAssembly memory with the
 * "wasm" backend, an ordinary ArrayBuffer otherwise), so a step copies nothing.
 */
export interface FastOptimizer<S = unknown, C = unknown> {
  /** torch's class name: "SGD", "Adagrad", "RMSprop", "Adam" or "AdamW". */
  readonly name: string;
  /** The options with defaults filled in (the readable optimizer's `config`). */
  readonly config: C;
  /** Number of parameters. */
  readonly n: number;
  /** The parameters, updated in place by `step`. */
  readonly x: Float64Array;
  /** The gradient at `x`: the caller writes it before each `step`. */
  readonly g: Float64Array;
  /** The state, with the same fields as the readable optimizer's (`step`, `expAvg`, ...). */
  readonly state: S;
  /** "native" or "wasm" when that kernel runs, "js" when the readable optimizer's loop does. */
  readonly backend: FastBackend;
  /** One step from the gradient in `g`; `lr` overrides the configured learning rate (schedules). */
  step(lr?: number): Float64Array;
}

/** Settings of {@link fastOptimizer} that are not optimizer options. */
export interface FastOptimizerSettings {
  /**
   * "auto" (the default: "native" when the addon was built, else "wasm" when WebAssembly SIMD is
   * available), "native", "wasm" or "js" (the readable loop, for comparison).
   */
  backend?: FastBackend | "auto";
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Kernel = (...args: number[]) => void;

/** The native addon's exports: each kernel takes the ArrayBuffer, then the WebAssembly kernel's arguments. */
type NativeAddon = Record<
  "sgd" | "adagrad" | "rmsprop" | "adam",
  (buffer: ArrayBuffer, ...args: number[]) => void
> & {
  addressMod64(buffer: ArrayBuffer): number;
};

/** The native kernels, built by `npm install` (scripts/build-native.ts): lib/native/build/optimStep.node. */
export function optimNativePath(): string {
  return nativeAddonPath("optimStep");
}

function nativeAddon(): NativeAddon | null {
  return loadNativeAddon<NativeAddon>("optimStep");
}

/** The WebAssembly kernels, lib/wasm/optimStep.wasm (built from lib/assembly/optimStep.ts). */
const WASM_KERNELS = "optimStep";

/** True when a fused kernel can run here: the native addon, or WebAssembly SIMD (with the .wasm present). */
export function fastOptimizerAvailable(): boolean {
  return fastOptimizerBackends()[0] !== "js";
}

/** The backends that can run here, fastest first: "native" when built, "wasm" when supported, and "js". */
export function fastOptimizerBackends(): FastBackend[] {
  const backends: FastBackend[] = [];
  if (nativeAddon() !== null) backends.push("native");
  if (wasmAvailable(WASM_KERNELS)) backends.push("wasm");
  backends.push("js");
  return backends;
}

/**
 * The readable optimizer `name` built with `options`, with its fused step; throws naming an optimizer
 * that has none (listing those that have one).
 */
function readableWithKernel(name: string, options: unknown): Optimizer<any, any> & { fused: FusedStep<any> } {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(optimizers, key);
  const reference = has(name) ? optimizers[name](options) : undefined;
  if (reference?.fused === undefined) {
    const fast = Object.keys(optimizers).filter((key) => optimizers[key]({ lr: 1 }).fused !== undefined);
    throw new RangeError(`No fast optimizer named ${String(name)} (known: ${fast.join(", ")})`);
  }
  return reference as Optimizer<any, any> & { fused: FusedStep<any> };
}

/** Bytes before the first array (the kernels never read address 0) and the alignment of each array. */
const BASE = 64;
const ALIGN = 64;
/** The most a 32-bit WebAssembly memory holds. */
const MAX_BYTES = 2 ** 32 - 65536;

/**
 * Bytes per parameter each step reads plus writes: x read and written, g read, and each state array the
 * kernel takes read and written (those `init` allocates for these options; SGD's `lr` may be left out).
 */
export function fastOptimizerBytesPerParameter<K extends FastOptimizerName>(
  name: K,
  options: Partial<FastOptimizerConfigs[K]>,
): number {
  const reference = readableWithKernel(name, { lr: 1, ...options });
  const init = reference.init(new Float64Array(1)) as Record<string, Float64Array>;
  const stateArrays = reference.fused.arrays.filter((key) => init[key].length > 0).length;
  return 8 * (3 + 2 * stateArrays);
}

/**
 * A fused, in-place optimizer step over arrays it allocates in one buffer, in native code compiled for this
 * processor or in WebAssembly SIMD: SGD (momentum, dampening, nesterov, weightDecay, maximize), Adagrad, RMSprop (centered, momentum)
 * and Adam / AdamW (amsgrad, maximize, and the lecture's epsInside and biasCorrection forms).
 *
 * The options, defaults and validation are those of the readable optimizers ({@link sgd}, {@link adagrad},
 * {@link rmsprop}, {@link adam}, {@link adamw}), and each kernel (lib/assembly/optimStep.ts) does the readable
 * loop's operations in the same order, and so does the native kernel (lib/native/optimStep.c, compiled with
 * -march=native and without fused multiply-add or fast-math), so all three give bit-identical parameters
 * and state (tested over 100 steps for every option). The readable versions are what the lessons show; this
 * one is for speed and for the benchmark (bench/optim.ts).
 *
 * Each readable optimizer gives its kernel's arguments itself (its `fused` step: the state arrays and
 * the step's numbers, bias corrections included), so nothing of an update is written here. Exactness is
 * kept: no approximate reciprocal or square root. The README's benchmark section has the timings. The
 * native addon is compiled for the processor of the machine that ran `npm install`, and loaded only on a
 * machine with the same processor model.
 *
 * $$
 * \begin{aligned}
 * & \text{caller: } g \leftarrow \nabla f(x) \\
 * & \text{step(): } (x, \text{state}) \leftarrow \text{the readable optimizer's update, fused in one pass}
 * \end{aligned}
 * $$
 *
 * @param name torch's class name: "SGD", "Adagrad", "RMSprop", "Adam" or "AdamW"
 * @param x0 the number of parameters (start at zeros) or the start point (copied)
 * @param options the readable optimizer's options (SGD requires `lr`)
 * @param settings.backend "auto" (the default: the first that runs here), "native", "wasm" or "js" (the
 * readable loop on the same arrays)
 * @example
 * const opt = fastOptimizer("Adam", Float64Array.of(1, -2), { lr: 0.1 });
 * opt.g.set([2, -4]); // the gradient of x^2 at x
 * opt.step();
 * console.log(opt.x);
 * //=> Float64Array(2) [ 0.9000000005, -1.90000000025 ]
 */
export function fastOptimizer<K extends FastOptimizerName>(
  name: K,
  x0: number | Float64Array,
  options: FastOptimizerOptions[K],
  settings: FastOptimizerSettings = {},
): FastOptimizer<FastOptimizerStates[K], FastOptimizerConfigs[K]> {
  checkOptionKeys("fastOptimizer settings", settings, { backend: "auto" });
  const reference = readableWithKernel(name, options);
  const n = typeof x0 === "number" ? x0 : x0.length;
  if (typeof x0 === "number") checkInteger("number of parameters", x0);
  else checkFinite("start point x0", x0);
  const chosen = settings.backend ?? "auto";
  if (chosen !== "auto" && chosen !== "native" && chosen !== "wasm" && chosen !== "js") {
    throw new RangeError(`Invalid backend: ${String(chosen)} (expected "auto", "native", "wasm" or "js")`);
  }
  const backend = chosen === "auto" ? fastOptimizerBackends()[0] : chosen;
  const addon = nativeAddon();
  if (backend === "wasm" && !wasmAvailable(WASM_KERNELS)) {
    throw new Error(
      `WebAssembly SIMD optimizer kernels unavailable (need WebAssembly SIMD and ${wasmPath(WASM_KERNELS)})`,
    );
  }
  if (backend === "native" && addon === null) {
    throw new Error(
      `Native optimizer kernels unavailable (${optimNativePath()}: run npx tsx scripts/build-native.ts)`,
    );
  }

  // The readable optimizer's initial state gives the arrays to allocate (names, lengths, start values).
  const start = typeof x0 === "number" ? new Float64Array(n) : x0;
  const init = reference.init(start) as Record<string, unknown>;
  const arrayKeys = Object.keys(init).filter((k) => init[k] instanceof Float64Array);
  const padded = (len: number) => Math.ceil((len * 8) / ALIGN) * ALIGN;
  let bytes = BASE + 2 * padded(n);
  for (const k of arrayKeys) bytes += padded((init[k] as Float64Array).length);
  if (bytes > MAX_BYTES) {
    throw new RangeError(
      `Too many parameters for one WebAssembly memory: ${n} (${bytes} bytes > ${MAX_BYTES})`,
    );
  }
  const memory = backend === "wasm" ? wasmMemory(bytes) : undefined;
  const buffer = memory !== undefined ? memory.buffer : new ArrayBuffer(bytes + ALIGN);
  // Native kernels: start the arrays on a cache line of the real address (a WebAssembly memory's offsets are
  // its addresses).
  let offset = BASE + (backend === "native" ? (ALIGN - addon!.addressMod64(buffer)) % ALIGN : 0);
  const alloc = (len: number) => {
    const view = new Float64Array(buffer, offset, len);
    offset += padded(len);
    return view;
  };
  const x = alloc(n);
  const g = alloc(n);
  x.set(start);
  const state: Record<string, unknown> = { ...init };
  for (const k of arrayKeys) {
    const src = init[k] as Float64Array;
    const view = alloc(src.length);
    view.set(src);
    state[k] = view;
  }
  const config = reference.config as Record<string, unknown>;
  const base = config.lr as number;
  const lrOf = (lr: number | undefined) => {
    if (lr === undefined) return base;
    checkNonNegative("learning rate", lr);
    return lr;
  };

  let kernel: Kernel | undefined;
  if (backend === "native") {
    // The addon's kernel with the buffer bound as its first argument: then it takes the WebAssembly
    // kernel's arguments.
    kernel = addon![reference.fused.kernel].bind(addon, buffer);
  } else if (backend === "wasm") {
    kernel = wasmExports(WASM_KERNELS, memory!)[reference.fused.kernel] as Kernel;
  }
  const step =
    kernel === undefined
      ? (lr?: number) => reference.step(x, g, state, lr)
      : kernelStep(kernel, reference.fused, n, x, g, state as { step: number }, lrOf);
  return {
    name,
    config: reference.config as FastOptimizerConfigs[K],
    n,
    x,
    g,
    state: state as any,
    backend,
    step,
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * The step that calls `kernel` (native or WebAssembly: same arguments) with the byte offsets of x, g and
 * the state's arrays, then the number arguments the readable optimizer gives for this step.
 */
function kernelStep<S extends { step: number }>(
  kernel: Kernel,
  fused: FusedStep<S>,
  n: number,
  x: Float64Array,
  g: Float64Array,
  state: S,
  lrOf: (lr: number | undefined) => number,
): (lr?: number) => Float64Array {
  const blocks = Math.ceil(n / 4); // blocks of 4 float64: the allocator pads each array to a multiple of 8
  // The kernel's arguments, in one array kept between steps: the offsets, then each step's numbers.
  const offsets = fused.arrays.map((key) => (state[key] as Float64Array).byteOffset);
  const call = [blocks, x.byteOffset, g.byteOffset, ...offsets];
  const first = call.length;
  return (lrArg) => {
    const lr = lrOf(lrArg);
    state.step += 1;
    const numbers = fused.args(state.step, lr);
    for (let i = 0; i < numbers.length; i++) call[first + i] = numbers[i];
    kernel(...call);
    return x;
  };
}
