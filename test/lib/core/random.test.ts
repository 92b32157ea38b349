import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded, randn, shuffle } from "../../../lib/src/core/random";

describe("seeded", () => {
  it("seeded(s) gives the same stream for the same seed", () => {
    const a = seeded(7);
    const b = seeded(7);
    for (let i = 0; i < 5; i++) assert.equal(a.uniform(), b.uniform());
  });

  it("seeded(s) gives different streams for neighbouring seeds", () => {
    assert.notEqual(seeded(1).uniform(), seeded(2).uniform());
  });

  it("uniform() stays in [0, 1) with mean near 1/2", () => {
    const rng = seeded(3);
    let sum = 0;
    for (let i = 0; i < 10000; i++) {
      const u = rng.uniform();
      assert.ok(u >= 0 && u < 1);
      sum += u;
    }
    assert.ok(Math.abs(sum / 10000 - 0.5) < 0.01);
  });

  it("randn fills the output with mean and std close to those asked for, and returns it", () => {
    const out = new Float64Array(20000);
    assert.equal(randn(seeded(4), out, 1, 2), out);
    const mean = out.reduce((s, v) => s + v, 0) / out.length;
    const variance = out.reduce((s, v) => s + (v - mean) ** 2, 0) / out.length;
    assert.ok(Math.abs(mean - 1) < 0.05);
    assert.ok(Math.abs(Math.sqrt(variance) - 2) < 0.05);
  });

  it("shuffle permutes in place", () => {
    const a = Int32Array.from({ length: 50 }, (_, i) => i);
    shuffle(seeded(5), a);
    assert.deepEqual(
      [...a].sort((x, y) => x - y),
      [...Array(50).keys()],
    );
    assert.notDeepEqual([...a], [...Array(50).keys()]);
  });

  it("rejects a non-finite seed by name", () => {
    assert.throws(() => seeded(NaN), /Invalid seed: NaN/);
  });
});
