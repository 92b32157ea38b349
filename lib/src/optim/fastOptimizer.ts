import * as fs from "fs";
import * as path from "path";
import { nativeAddon as loadNativeAddon, nativeAddonPath, nativeBuildMachine } from "../core/nativeAddon";
import type { Optimizer } from "../core/types";
import { checkFinite, checkInteger, checkNonNegative } from "../core/validate";
import { adagrad } from "./adagrad";
import type { AdagradOptions, AdagradState } from "./adagrad";
import { adam } from "./adam";
import type { AdamOptions, AdamState } from "./adam";
import { adamw } from "./adamw";
import { rmsprop } from "./rmsprop";
import type { RmspropOptions, RmspropState } from "./rmsprop";
import { sgd } from "./sgd";
import type { SgdOptions, SgdState } from "./sgd";

/** The optimizers with a fused step (native and WebAssembly). */
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
 * TypeScript loop. All three give bit-identical results.
 */
export type FastBackend = "native" | "wasm" | "ts";

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
  /** "native" or "wasm" when that kernel runs, "ts" when the readable optimizer's loop does. */
  readonly backend: FastBackend;
  /** One step from the gradient in `g`; `lr` overrides the configured learning rate (schedules). */
  step(lr?: number): Float64Array;
}

/** Settings of {@link fastOptimizer} that are not optimizer options. */
export interface FastOptimizerSettings {
  /**
   * "native" (the default when the addon was built), "wasm" (the default otherwise, when WebAssembly SIMD
   * is available) or "ts" (the readable loop, for comparison).
   */
  backend?: FastBackend;
}

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Kernel = (...args: number[]) => void;

let cachedModule: object | null | undefined;

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

export { nativeBuildMachine };

function nativeAddon(): NativeAddon | null {
  return loadNativeAddon<NativeAddon>("optimStep");
}

/** The compiled kernels: lib/wasm/optimStep.wasm (the same path from lib/src/optim and lib/dist/optim). */
export function optimWasmPath(): string {
  return path.resolve(__dirname, "..", "..", "wasm", "optimStep.wasm");
}

function wasmApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

function wasmModule(): object | null {
  if (cachedModule !== undefined) return cachedModule;
  cachedModule = null;
  const wa = wasmApi();
  const file = optimWasmPath();
  if (wa !== undefined && fs.existsSync(file)) {
    const bytes = fs.readFileSync(file);
    if (wa.validate(bytes)) cachedModule = new wa.Module(bytes);
  }
  return cachedModule;
}

/** True when a fused kernel can run here: the native addon, or WebAssembly SIMD (with the .wasm present). */
export function fastOptimizerAvailable(): boolean {
  return fastOptimizerBackends()[0] !== "ts";
}

/** The backends that can run here, fastest first: "native" when built, "wasm" when supported, and "ts". */
export function fastOptimizerBackends(): FastBackend[] {
  const backends: FastBackend[] = [];
  if (nativeAddon() !== null) backends.push("native");
  if (wasmModule() !== null) backends.push("wasm");
  backends.push("ts");
  return backends;
}

const FACTORIES: {
  [K in FastOptimizerName]: (o: any) => Optimizer<FastOptimizerStates[K], FastOptimizerConfigs[K]>;
} = {
  SGD: sgd,
  Adagrad: adagrad,
  RMSprop: rmsprop,
  Adam: adam,
  AdamW: adamw,
};

/** Bytes before the first array (the kernels never read address 0) and the alignment of each array. */
const BASE = 64;
const ALIGN = 64;
/** The most a 32-bit WebAssembly memory holds. */
const MAX_BYTES = 2 ** 32 - 65536;

/** Bytes per parameter each step reads plus writes (x, g read; x and state read and written). */
export function fastOptimizerBytesPerParameter(name: FastOptimizerName, options: object): number {
  const config = options as Record<string, unknown>;
  let stateArrays = 0;
  if (name === "SGD") stateArrays = config.momentum !== 0 ? 1 : 0;
  else if (name === "Adagrad") stateArrays = 1;
  else if (name === "RMSprop")
    stateArrays = 1 + (config.centered ? 1 : 0) + ((config.momentum as number) > 0 ? 1 : 0);
  else stateArrays = 2 + (config.amsgrad ? 1 : 0);
  // x: read + write; g: read; each state array: read + write.
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
 * Speed, one thread, 1e6 parameters, on this course's machines (AMD EPYC): the native kernels (256-bit
 * AVX-512VL vectors) take about 0.31 ms a step for SGD with momentum, 0.44 ms for Adagrad and RMSprop and
 * 0.58 ms for Adam, faster than torch 2.13's fused kernels; the WebAssembly ones about 0.43, 1.66, 1.66 and
 * 2.22 ms (128-bit vectors: the square roots and divisions set their time). Exactness is kept: no
 * approximate reciprocal or square root. The native addon is compiled for the processor of the machine
 * that ran `npm install`, and loaded only on a machine with the same processor model.
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
 * @param settings.backend "native", "wasm" or "ts" (the readable loop on the same arrays); by default the
 * first that runs here
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
  const factory = Object.prototype.hasOwnProperty.call(FACTORIES, name) ? FACTORIES[name] : undefined;
  if (factory === undefined) {
    throw new RangeError(
      `No fast optimizer named ${String(name)} (known: ${Object.keys(FACTORIES).join(", ")})`,
    );
  }
  const n = typeof x0 === "number" ? x0 : x0.length;
  if (typeof x0 === "number") checkInteger("number of parameters", x0);
  else checkFinite("start point x0", x0);
  const reference = factory(options) as Optimizer<any, any>;
  const backend = settings.backend ?? fastOptimizerBackends()[0];
  if (backend !== "native" && backend !== "wasm" && backend !== "ts") {
    throw new RangeError(`Invalid backend: ${String(backend)} (expected "native", "wasm" or "ts")`);
  }
  const mod = wasmModule();
  const wa = wasmApi();
  const addon = nativeAddon();
  if (backend === "wasm" && (mod === null || wa === undefined)) {
    throw new Error(
      `WebAssembly SIMD optimizer kernels unavailable (need WebAssembly SIMD and ${optimWasmPath()})`,
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
  const memory = backend === "wasm" ? new wa!.Memory({ initial: Math.ceil(bytes / 65536) }) : undefined;
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

  let step: (lr?: number) => Float64Array;
  if (backend === "ts") {
    step = (lr) => reference.step(x, g, state, lr);
  } else if (backend === "native") {
    // The addon's kernels with the buffer bound as their first argument: then they take the WebAssembly
    // kernels' arguments.
    const k: Record<string, Kernel> = {
      sgd: addon!.sgd.bind(addon, buffer),
      adagrad: addon!.adagrad.bind(addon, buffer),
      rmsprop: addon!.rmsprop.bind(addon, buffer),
      adam: addon!.adam.bind(addon, buffer),
    };
    step = makeKernelStep(name, k, n, x, g, state, config, lrOf);
  } else {
    const k = new wa!.Instance(mod!, { env: { memory } }).exports as Record<string, Kernel>;
    step = makeKernelStep(name, k, n, x, g, state, config, lrOf);
  }
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

/** The step that calls kernel `k` (native or WebAssembly: same arguments) with byte offsets into the buffer. */
function makeKernelStep(
  name: FastOptimizerName,
  k: Record<string, Kernel>,
  n: number,
  x: Float64Array,
  g: Float64Array,
  state: Record<string, unknown>,
  config: Record<string, unknown>,
  lrOf: (lr: number | undefined) => number,
): (lr?: number) => Float64Array {
  const blocks = Math.ceil(n / 4); // blocks of 4 float64: the allocator pads each array to a multiple of 8
  const ptr = (key: string) => (state[key] as Float64Array).byteOffset;
  const s = state as { step: number };
  const flag = (key: string) => (config[key] ? 1 : 0);
  const maximize = flag("maximize");
  const epsInside = flag("epsInside");
  const weightDecay = config.weightDecay as number;
  if (name === "SGD") {
    const { momentum, dampening } = config as unknown as SgdOptions;
    const kernel = k.sgd;
    const b = ptr("momentumBuffer");
    const nesterov = flag("nesterov");
    return (lrArg) => {
      const lr = lrOf(lrArg);
      const first = s.step === 0 ? 1 : 0;
      s.step += 1;
      kernel(
        blocks,
        x.byteOffset,
        g.byteOffset,
        b,
        -lr,
        momentum,
        1 - dampening,
        weightDecay,
        nesterov,
        maximize,
        first,
      );
      return x;
    };
  }
  if (name === "Adagrad") {
    const { lrDecay, eps } = config as unknown as AdagradOptions;
    const kernel = k.adagrad;
    const sum = ptr("sum");
    return (lrArg) => {
      const lr = lrOf(lrArg);
      s.step += 1;
      const clr = lr / (1 + (s.step - 1) * lrDecay);
      kernel(blocks, x.byteOffset, g.byteOffset, sum, -clr, eps, weightDecay, maximize, epsInside);
      return x;
    };
  }
  if (name === "RMSprop") {
    const { alpha, eps, momentum } = config as unknown as RmspropOptions;
    const kernel = k.rmsprop;
    const sq = ptr("squareAvg");
    const ga = ptr("gradAvg");
    const buf = ptr("momentumBuffer");
    const centered = flag("centered");
    return (lrArg) => {
      const lr = lrOf(lrArg);
      s.step += 1;
      kernel(
        blocks,
        x.byteOffset,
        g.byteOffset,
        sq,
        ga,
        buf,
        -lr,
        alpha,
        eps,
        weightDecay,
        momentum,
        centered,
        maximize,
        epsInside,
      );
      return x;
    };
  }
  const { betas, biasCorrection, eps } = config as unknown as AdamOptions;
  const [beta1, beta2] = betas;
  const kernel = k.adam;
  const m = ptr("expAvg");
  const v = ptr("expAvgSq");
  const vMax = ptr("maxExpAvgSq");
  const decoupled = name === "AdamW" ? 1 : 0;
  const amsgrad = flag("amsgrad");
  return (lrArg) => {
    const lr = lrOf(lrArg);
    s.step += 1;
    const t = s.step;
    // As the readable adam: the bias corrections from t (torch's 1 - beta ** step), in JavaScript.
    const biasCorrection1 = biasCorrection === "none" ? 1 : 1 - beta1 ** t;
    const biasCorrection2 = biasCorrection === "both" ? 1 - beta2 ** t : 1;
    const stepSize = lr / biasCorrection1;
    const decay = 1 - lr * weightDecay;
    kernel(
      blocks,
      x.byteOffset,
      g.byteOffset,
      m,
      v,
      vMax,
      -stepSize,
      beta1,
      beta2,
      biasCorrection2,
      Math.sqrt(biasCorrection2),
      eps,
      weightDecay,
      decay,
      decoupled,
      amsgrad,
      maximize,
      epsInside,
    );
    return x;
  };
}
