import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded } from "../../../lib/src/core/random";
import { adamStep32, type AdamOptions32 } from "../../../lib/src/nn/adamStep32";
import { createWasmAdamStep32, wasmAdamAvailable } from "../../../lib/src/nn/wasmAdamStep32";
import { wasmMemory } from "../../../lib/src/core/wasmModule";

// n = 303: the SIMD loop covers 300 entries, the scalar tail the last 3.
function run(o: AdamOptions32, steps: number) {
  const n = 303;
  const rng = seeded(9);
  const memory = wasmMemory(4 * 4 * n + 64);
  const view = (k: number) => new Float32Array(memory.buffer, 4 * k * n, n);
  const [p, g, m, v] = [view(0), view(1), view(2), view(3)];
  for (let i = 0; i < n; i++) p[i] = rng.normal();
  const ref = { p: Float32Array.from(p), m: new Float32Array(n), v: new Float32Array(n) };
  const wasm = createWasmAdamStep32(memory);
  const state = { t: 0, m, v };
  const refState = { t: 0, m: ref.m, v: ref.v };
  for (let t = 0; t < steps; t++) {
    for (let i = 0; i < n; i++) g[i] = rng.normal();
    assert.equal(wasm(p, g, state, o), p);
    adamStep32(ref.p, g, refState, o);
  }
  assert.equal(state.t, steps);
  return { p, ref: ref.p };
}

describe("wasmAdamStep32", () => {
  it("is available on Node 20", () => assert.equal(wasmAdamAvailable(), true));

  it("the first step has size lr in every coordinate, as adamStep32's", () => {
    const { p, ref } = run({ lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 }, 1);
    assert.deepEqual(p, ref);
  });

  for (const o of [
    { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 },
    { lr: 0.01, betas: [0.8, 0.99], eps: 1e-6, weightDecay: 1e-2 },
  ] as AdamOptions32[]) {
    it(`lr ${o.lr}, weight decay ${o.weightDecay}: 100 steps in float32 arithmetic equal the TypeScript step bit for bit`, () => {
      const { p, ref } = run(o, 100);
      assert.deepEqual(p, ref);
    });
  }

  it("refuses arrays outside its memory", () => {
    const memory = wasmMemory(1024);
    const inside = new Float32Array(memory.buffer, 0, 2);
    const state = { t: 0, m: inside, v: new Float32Array(2) };
    assert.throws(
      () =>
        createWasmAdamStep32(memory)(inside, inside, state, {
          lr: 1,
          betas: [0.9, 0.999],
          eps: 1e-8,
          weightDecay: 0,
        }),
      /wasm adam: state\.v is not a view into the kernel's memory/,
    );
  });
});
