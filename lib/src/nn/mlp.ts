import { seeded } from "../core/random";
import { checkInteger, checkOptionKeys } from "../core/validate";
import { gemm, type Gemm } from "./gemm";
import { createWasmGemm, wasmGemmAvailable } from "./wasmGemm";
import { wasmMemory } from "../core/wasmModule";
import { adamStep32 } from "./adamStep32";
import { createWasmAdamStep32, wasmAdamAvailable, type AdamStep32 } from "./wasmAdamStep32";
import { heNormal, xavierUniform } from "./init";
import { createNativeAdamStep32, createNativeGemm, nativeMlpAvailable } from "./nativeMlp32";

/**
 * One fully connected layer of an {@link Mlp}: z = a·W + b. Its arrays are views into the model's flat
 * `params` and `grads` vectors.
 */
export interface DenseLayer {
  inputs: number;
  outputs: number;
  /** inputs x outputs, row-major (the layout of Keras/flax kernels: the transpose of torch's `weight`). */
  W: Float32Array;
  /** outputs entries. */
  b: Float32Array;
  /** Gradient of the loss with respect to W, same layout. */
  dW: Float32Array;
  /** Gradient with respect to b. */
  db: Float32Array;
  /** Index of W[0] in `params` (b follows W). */
  offset: number;
}

/** Scratch arrays of the forward and backward passes, sized for `maxBatch` rows. Not meant for learners. */
export interface MlpWorkspace {
  /** The input batch, maxBatch x sizes[0]. */
  x: Float32Array;
  /** Per layer, maxBatch x outputs: ReLU activations of hidden layers, logits of the last one. */
  acts: Float32Array[];
  /** Two buffers of maxBatch x max(outputs) for the backward pass's deltas. */
  delta: [Float32Array, Float32Array];
  /** Room for one transposed weight matrix (backward pass). */
  wt: Float32Array;
  /** Two parameter-sized buffers for an optimizer's state (Adam's m and v, Adagrad's s, ...), used by `train`. */
  state: [Float32Array, Float32Array];
  /** The matrix product used: the native or WebAssembly SIMD kernel, or the JS reference. */
  gemm: Gemm;
  /** The Adam step used by `train`: the native or WebAssembly SIMD kernel, or the TypeScript `adamStep32`. */
  adamStep: AdamStep32;
}

/**
 * A multilayer perceptron with ReLU hidden layers and a linear output layer (logits), for softmax
 * cross-entropy. All parameters live in ONE flat Float32Array, `params`: layer by layer, W then b; each
 * layer's `W`, `b` are subarray views into it, and likewise `dW`, `db` into `grads`. So an optimizer
 * steps the whole network with one loop over `params` and `grads`.
 *
 * Float32, not the Float64Array of the rest of the library: half the memory traffic and the WebAssembly
 * SIMD matrix product (4 lanes of float32) make an epoch of Fashion-MNIST take seconds instead of a minute.
 */
export interface Mlp {
  /** Layer widths, input first: [784, 128, 10]. */
  readonly sizes: readonly number[];
  readonly init: "he" | "xavier";
  readonly seed: number;
  /**
   * "native": kernels compiled for this machine; "wasm": the WebAssembly SIMD kernels; "js": the plain
   * TypeScript reference. All three give the same numbers bit for bit (tested).
   */
  readonly backend: "native" | "wasm" | "js";
  /** The largest batch the workspace holds (training batches and evaluation chunks). */
  readonly maxBatch: number;
  params: Float32Array;
  grads: Float32Array;
  layers: DenseLayer[];
  workspace: MlpWorkspace;
}

export interface MlpOptions {
  /** Layer widths, input first, at least two: [784, 128, 10]. */
  sizes: number[];
  /** "he" (default): N(0, 2 / fanIn), torch's kaiming_normal_; "xavier": torch's xavier_uniform_. Biases are 0. */
  init?: "he" | "xavier";
  /** Seed of the initialization (default 0): the same seed gives the same network. */
  seed?: number;
  /** "auto" (default): "native" where `npm install` built it, else "wasm" where WebAssembly SIMD runs, else "js". */
  backend?: "auto" | "native" | "wasm" | "js";
  /** Largest batch the forward and backward passes accept (default 512). */
  maxBatch?: number;
}

/**
 * Creates an MLP with freshly initialized parameters.
 *
 * @example
 * const model = createMlp({ sizes: [784, 128, 10], seed: 1 });
 * model.params.length;                  //=> 101770 (784*128 + 128 + 128*10 + 10)
 * model.layers[1].W.length;             //=> 1280
 * model.layers[0].b.buffer === model.params.buffer; //=> true: views, not copies
 */
export function createMlp(options: MlpOptions): Mlp {
  checkOptionKeys("createMlp", options, ["sizes", "init", "seed", "backend", "maxBatch"]);
  const { sizes, init = "he", seed = 0, backend = "auto", maxBatch = 512 } = options;
  if (!Array.isArray(sizes) || sizes.length < 2)
    throw new RangeError(`Invalid MLP sizes: ${JSON.stringify(sizes)}`);
  sizes.forEach((n, k) => checkInteger(`MLP size at index ${k}`, n, 1));
  checkInteger("maxBatch", maxBatch, 1);
  if (init !== "he" && init !== "xavier")
    throw new RangeError(`Invalid init: ${String(init)} (expected "he" or "xavier")`);
  if (backend !== "auto" && backend !== "native" && backend !== "wasm" && backend !== "js") {
    throw new RangeError(`Invalid backend: ${String(backend)} (expected "auto", "native", "wasm" or "js")`);
  }
  const useNative = backend === "native" || (backend === "auto" && nativeMlpAvailable());
  const useWasm = !useNative && (backend === "wasm" || (backend === "auto" && wasmGemmAvailable()));

  // Lay out every array in one buffer (16-byte aligned blocks) so the wasm kernel can address them all.
  const L = sizes.length - 1;
  let P = 0;
  for (let l = 0; l < L; l++) P += sizes[l] * sizes[l + 1] + sizes[l + 1];
  const widest = Math.max(...sizes.slice(1));
  let wtSize = 1;
  for (let l = 1; l < L; l++) wtSize = Math.max(wtSize, sizes[l] * sizes[l + 1]);
  const blocks = [
    P, // params, grads, two optimizer-state buffers
    P,
    P,
    P,
    maxBatch * sizes[0],
    ...sizes.slice(1).map((n) => maxBatch * n),
    maxBatch * widest,
    maxBatch * widest,
    wtSize,
  ];
  const round4 = (n: number) => Math.ceil(n / 4) * 4;
  const floats = blocks.reduce((s, n) => s + round4(n), 0);
  const memory = useWasm ? wasmMemory(4 * floats) : { buffer: new ArrayBuffer(4 * floats) };
  let next = 0;
  const alloc = (n: number): Float32Array => {
    const a = new Float32Array(memory.buffer, 4 * next, n);
    next += round4(n);
    return a;
  };
  const params = alloc(P);
  const grads = alloc(P);
  const state: [Float32Array, Float32Array] = [alloc(P), alloc(P)];
  const x = alloc(maxBatch * sizes[0]);
  const acts = sizes.slice(1).map((n) => alloc(maxBatch * n));
  const delta: [Float32Array, Float32Array] = [alloc(maxBatch * widest), alloc(maxBatch * widest)];
  const wt = alloc(wtSize);

  const rng = seeded(seed);
  const layers: DenseLayer[] = [];
  let offset = 0;
  for (let l = 0; l < L; l++) {
    const inputs = sizes[l];
    const outputs = sizes[l + 1];
    const nW = inputs * outputs;
    const layer: DenseLayer = {
      inputs,
      outputs,
      W: params.subarray(offset, offset + nW),
      b: params.subarray(offset + nW, offset + nW + outputs),
      dW: grads.subarray(offset, offset + nW),
      db: grads.subarray(offset + nW, offset + nW + outputs),
      offset,
    };
    if (init === "he") heNormal(rng, layer.W, inputs);
    else xavierUniform(rng, layer.W, inputs, outputs);
    layers.push(layer);
    offset += nW + outputs;
  }
  return {
    sizes: [...sizes],
    init,
    seed,
    backend: useNative ? "native" : useWasm ? "wasm" : "js",
    maxBatch,
    params,
    grads,
    layers,
    workspace: {
      x,
      acts,
      delta,
      wt,
      state,
      gemm: useNative ? createNativeGemm() : useWasm ? createWasmGemm(memory) : gemm,
      adamStep: useNative
        ? createNativeAdamStep32()
        : useWasm && wasmAdamAvailable()
          ? createWasmAdamStep32(memory)
          : adamStep32,
    },
  };
}
