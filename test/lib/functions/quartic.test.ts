import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { quartic } from "../../../lib/src/functions/quartic";

describe("quartic", () => {
  it("quartic's listed minima are roots of f'(x) = 4x^3 - 6x + 1 near -1.30 and 1.13, with f'' > 0", () => {
    const g = new Float64Array(1);
    const h = new Float64Array(1);
    for (const [m] of quartic.minima!) {
      assert.ok(Math.abs(quartic.grad(Float64Array.of(m), g)[0]) < 1e-12);
      assert.ok(quartic.hessian!(Float64Array.of(m), h)[0] > 0);
    }
    assert.equal(+quartic.minima![0][0].toFixed(2), -1.3);
    assert.equal(+quartic.minima![1][0].toFixed(2), 1.13);
  });

  it("quartic's global minimum is the one near -1.30", () => {
    assert.ok(
      quartic.f(Float64Array.of(quartic.minima![0][0])) < quartic.f(Float64Array.of(quartic.minima![1][0])),
    );
  });

  it("quartic sums coordinate-wise", () => {
    assert.equal(quartic.f(Float64Array.of(1, 1, 0)), -2);
  });
});
