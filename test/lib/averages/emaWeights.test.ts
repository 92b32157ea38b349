import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { emaWeights } from "../../../lib/src/averages/emaWeights";
import { ema } from "../../../lib/src/averages/ema";

const close = (a: ArrayLike<number>, b: number[]): boolean => b.every((v, i) => Math.abs(a[i] - v) < 1e-12);

describe("emaWeights", () => {
  it("the weights of V3 are 0.125, 0.25, 0.5 for rho 0.5 and 0.081, 0.09, 0.1 for rho 0.9", () => {
    assert.ok(close(emaWeights(0.5, 3), [0.125, 0.25, 0.5]));
    assert.ok(close(emaWeights(0.9, 3), [0.081, 0.09, 0.1]));
  });

  it("for rho 0.98 the weight of s1 in V3 is 0.019208, not the slide's 0.0392 (lecture error)", () => {
    const w = emaWeights(0.98, 3);
    assert.ok(close(w, [0.019208, 0.0196, 0.02]));
    assert.ok(Math.abs(w[0] - 0.0392) > 0.01);
  });

  it("the weights reproduce ema from V0 = 0 and sum to 1 - rho^t", () => {
    const data = Float64Array.of(3, 8, 6, 5, 1);
    const w = emaWeights(0.7, 5);
    const v5 = w.reduce((s, wi, i) => s + wi * data[i], 0);
    assert.ok(Math.abs(v5 - ema(data, 0.7)[4]) < 1e-12);
    assert.ok(Math.abs(w.reduce((s, x) => s + x, 0) - (1 - 0.7 ** 5)) < 1e-15);
  });
});
