import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded } from "../../../lib/src/core/random";
import { gemm } from "../../../lib/src/nn/gemm";
import { adamStep32, type AdamOptions32 } from "../../../lib/src/nn/adamStep32";
import {
  createNativeAdamStep32,
  createNativeGemm,
  nativeMlpAvailable,
} from "../../../lib/src/nn/nativeMlp32";
import { nativeAddon } from "../../../lib/src/core/nativeAddon";

const available = nativeMlpAvailable();
const skip = !available && "native kernels not built";

/** Random entries, a third of them zero (as the images' background pixels), some negative zeros. */
function matrix(n: number, seed: number): Float32Array {
  const rng = seeded(seed);
  return Float32Array.from({ length: n }, (_, k) => (k % 3 === 0 ? (k % 2 ? -0 : 0) : rng.normal()));
}

function compare(transA: boolean, accumulate: boolean, M: number, N: number, K: number, seed: number): void {
  const A = matrix(M * K, seed);
  const B = matrix(K * N, seed + 1000);
  const C0 = matrix(M * N, seed + 2000);
  const expected = gemm(transA, accumulate, M, N, K, A, B, Float32Array.from(C0));
  const C = Float32Array.from(C0);
  assert.equal(createNativeGemm()(transA, accumulate, M, N, K, A, B, C), C);
  for (let k = 0; k < M * N; k++) {
    assert.ok(
      Object.is(C[k], expected[k]),
      `${M}x${N}x${K} transA=${transA} entry ${k}: ${C[k]} vs ${expected[k]}`,
    );
  }
}

describe("the native MLP kernels", () => {
  it("gemm equals the JS reference bit for bit on the MLP's shapes", { skip }, () => {
    compare(false, false, 64, 128, 784, 1); // forward, layer 1
    compare(true, false, 784, 128, 64, 2); // dW, layer 1
    compare(false, false, 64, 10, 128, 3); // forward, layer 2
    compare(true, false, 128, 10, 64, 4); // dW, layer 2
    compare(false, false, 64, 128, 10, 5); // delta, layer 2
  });

  it(
    "gemm equals the JS reference on every block remainder (rows of 6, columns of 32), transA, accumulate",
    { skip },
    () => {
      let seed = 10;
      for (const M of [1, 5, 6, 7, 13])
        for (const N of [1, 15, 16, 31, 32, 33, 70])
          for (const K of [0, 1, 9])
            for (const transA of [false, true])
              for (const acc of [false, true]) compare(transA, acc, M, N, K, seed++);
    },
  );

  it("gemm refuses matrices shorter than their shapes and arrays of the wrong kind", { skip }, () => {
    const raw = nativeAddon<{ gemm: (...args: unknown[]) => void }>("mlp32")!.gemm;
    const f = (n: number) => new Float32Array(n);
    raw(0, 0, 2, 2, 2, f(4), f(4), f(4), f(64));
    assert.throws(() => raw(0, 0, 2, 2, 2, f(3), f(4), f(4), f(64)), /shorter than its shape/);
    assert.throws(
      () => raw(0, 0, 2, 2, 2, f(4), new Float64Array(4), f(4), f(64)),
      /argument 7 must be a Float32Array/,
    );
    assert.throws(() => raw(0, 0, 2, 2, 2, f(4), f(4), f(4), f(8)), /scratch/);
    assert.throws(() => raw(0, 0, 2.5, 2, 2, f(4), f(4), f(4), f(64)), /integers/);
  });

  for (const o of [
    { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 },
    { lr: 0.01, betas: [0.8, 0.99], eps: 1e-6, weightDecay: 1e-2 },
  ] as AdamOptions32[]) {
    it(
      `adam, lr ${o.lr}, weight decay ${o.weightDecay}: 100 steps equal adamStep32 bit for bit`,
      { skip },
      () => {
        const n = 307;
        const rng = seeded(9);
        const p = Float32Array.from({ length: n }, () => rng.normal());
        const ref = Float32Array.from(p);
        const state = { t: 0, m: new Float32Array(n), v: new Float32Array(n) };
        const refState = { t: 0, m: new Float32Array(n), v: new Float32Array(n) };
        const native = createNativeAdamStep32();
        for (let t = 0; t < 100; t++) {
          const g = Float32Array.from({ length: n }, () => rng.normal());
          assert.equal(native(p, g, state, o), p);
          adamStep32(ref, g, refState, o);
        }
        assert.equal(state.t, 100);
        assert.deepEqual(p, ref);
        assert.deepEqual(state.m, refState.m);
        assert.deepEqual(state.v, refState.v);
      },
    );
  }
});
