import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ema } from "../../../lib/src/averages/ema";

describe("ema", () => {
  it("ema with rho 0.5 started at V1 = s1 gives the slide's table 3.0 5.5 5.8 5.4 3.2 5.1 7.0 3.5 5.8 4.9 (rounded)", () => {
    const data = Float64Array.of(3, 8, 6, 5, 1, 7, 9, 0, 8, 4);
    const v = ema(data, 0.5, { start: "first" });
    // 3, 5.5, 5.75, 5.375, 3.1875, 5.09375, 7.046875, 3.5234375, 5.76171875, 4.880859375
    assert.deepEqual(
      [...v].map((x) => x.toFixed(1)),
      ["3.0", "5.5", "5.8", "5.4", "3.2", "5.1", "7.0", "3.5", "5.8", "4.9"],
    );
    assert.equal(v[9], 4.880859375);
  });

  it("ema started at V0 = 0 is biased toward 0; bias correction divides by 1 - rho^t", () => {
    const data = Float64Array.of(1, 1, 1);
    assert.deepEqual(
      [...ema(data, 0.9)].map((x) => +x.toFixed(12)),
      [0.1, 0.19, 0.271],
    );
    for (const x of ema(data, 0.9, { biasCorrection: true })) assert.ok(Math.abs(x - 1) < 1e-15);
  });

  it("ema writes into and returns out", () => {
    const out = new Float64Array(2);
    assert.equal(ema(Float64Array.of(2, 4), 0, {}, out), out);
    assert.deepEqual([...out], [2, 4]);
  });

  it("ema throws on rho outside [0, 1), naming it", () => {
    assert.throws(() => ema(Float64Array.of(1), 1), /Invalid rho: 1/);
    assert.throws(() => ema(Float64Array.of(1), -0.1), /Invalid rho: -0.1/);
  });
});
