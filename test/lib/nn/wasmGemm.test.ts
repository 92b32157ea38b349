import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded } from "../../../lib/src/core/random";
import { gemm } from "../../../lib/src/nn/gemm";
import { createWasmGemm, wasmGemmAvailable } from "../../../lib/src/nn/wasmGemm";
import { wasmMemory } from "../../../lib/src/core/wasmModule";

// The WASM path and the JS reference do the same float32 operations in the same order (each product
// rounded, then added to a sum from 0 over p in order, then to C when accumulating): the same bits.

function compare(transA: boolean, accumulate: boolean, M: number, N: number, K: number, seed: number): void {
  const rng = seeded(seed);
  const memory = wasmMemory(4 * (2 * M * K + K * N + 4 * M * N) + 256);
  const wasm = createWasmGemm(memory);
  let offset = 16; // deliberately not at 0: the kernel uses the views' byte offsets
  const alloc = (n: number) => {
    const a = new Float32Array(memory.buffer, offset, n);
    offset += 4 * n + 4; // and not 16-byte aligned
    return a;
  };
  const fill = (a: Float32Array) => {
    for (let i = 0; i < a.length; i++) a[i] = rng.normal();
    return a;
  };
  const A = fill(alloc(M * K));
  const B = fill(alloc(K * N));
  const C = fill(alloc(M * N));
  const C0 = Float32Array.from(C);
  const expected = gemm(transA, accumulate, M, N, K, A, B, Float32Array.from(C));
  assert.equal(wasm(transA, accumulate, M, N, K, A, B, C), C);
  for (let k = 0; k < M * N; k++) {
    assert.ok(
      Object.is(C[k], expected[k]),
      `${M}x${N}x${K} transA=${transA} entry ${k}: ${C[k]} vs ${expected[k]} (C was ${C0[k]})`,
    );
  }
}

describe("wasmGemm", () => {
  it("the SIMD kernel is available on Node 20", () => {
    assert.equal(wasmGemmAvailable(), true);
  });

  it("equals the JS reference bit for bit on the MLP's shapes", () => {
    compare(false, false, 64, 128, 784, 1); // forward, layer 1
    compare(true, false, 784, 128, 64, 2); // dW, layer 1
    compare(false, false, 64, 10, 128, 3); // forward, layer 2
    compare(false, false, 64, 128, 10, 4); // delta, layer 2
  });

  it("equals the JS reference bit for bit on every block remainder (M, N not multiples of 4 and 8), with transA and accumulate", () => {
    let seed = 10;
    for (const M of [1, 3, 4, 5, 9])
      for (const N of [1, 4, 7, 8, 13, 17])
        for (const K of [0, 1, 6])
          for (const transA of [false, true])
            for (const acc of [false, true]) compare(transA, acc, M, N, K, seed++);
  });

  it("refuses a matrix that is not in the kernel's memory", () => {
    const memory = wasmMemory(1024);
    const inside = new Float32Array(memory.buffer, 0, 4);
    assert.throws(
      () => createWasmGemm(memory)(false, false, 2, 2, 1, inside, new Float32Array(2), inside),
      /matrix B is not a view into the kernel's memory/,
    );
  });
});
