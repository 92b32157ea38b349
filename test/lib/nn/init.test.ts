import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { seeded } from "../../../lib/src/core/random";
import { heNormal, xavierUniform } from "../../../lib/src/nn/init";

function stats(a: Float32Array): { mean: number; std: number; min: number; max: number } {
  let s = 0;
  let s2 = 0;
  for (const v of a) {
    s += v;
    s2 += v * v;
  }
  const mean = s / a.length;
  return { mean, std: Math.sqrt(s2 / a.length - mean * mean), min: Math.min(...a), max: Math.max(...a) };
}

describe("init", () => {
  it("heNormal has mean 0 and std sqrt(2 / fanIn), and returns its output", () => {
    const W = new Float32Array(784 * 128);
    assert.equal(heNormal(seeded(1), W, 784), W);
    const { mean, std } = stats(W);
    assert.ok(Math.abs(mean) < 0.002);
    assert.ok(Math.abs(std - Math.sqrt(2 / 784)) < 0.001, `std ${std}`); // sqrt(2/784) = 0.0505
  });

  it("xavierUniform stays within ±sqrt(6 / (fanIn + fanOut)) with the uniform's std a / sqrt(3)", () => {
    const W = xavierUniform(seeded(2), new Float32Array(128 * 10 * 50), 128, 10);
    const a = Math.sqrt(6 / 138); // 0.2085
    const { std, min, max } = stats(W);
    assert.ok(min >= -a && max <= a);
    assert.ok(max > 0.99 * a && min < -0.99 * a);
    assert.ok(Math.abs(std - a / Math.sqrt(3)) < 0.002);
  });

  it("the same seed gives the same weights", () => {
    assert.deepEqual(
      heNormal(seeded(3), new Float32Array(5), 2),
      heNormal(seeded(3), new Float32Array(5), 2),
    );
  });
});
