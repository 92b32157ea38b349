import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { xCosPiX } from "../../../lib/src/functions/xCosPiX";
import { xCosPiXEmpirical } from "../../../lib/src/functions/xCosPiXEmpirical";

describe("xCosPiX", () => {
  it("x cos(pi x) has its listed minima as zeros of f' with f'' > 0, the lowest near 1.090", () => {
    const g = new Float64Array(1);
    const h = new Float64Array(1);
    for (const [m] of xCosPiX.minima!) {
      assert.ok(Math.abs(xCosPiX.grad(Float64Array.of(m), g)[0]) < 1e-12);
      assert.ok(xCosPiX.hessian!(Float64Array.of(m), h)[0] > 0);
    }
    assert.equal(xCosPiX.minima![0][0].toFixed(3), "1.090");
  });

  it("the empirical risk's lowest minimum (near 1.017) differs from the true risk's (SYLLABUS §0)", () => {
    const m = xCosPiXEmpirical.minima![0][0];
    assert.equal(m.toFixed(3), "1.017");
    assert.ok(Math.abs(xCosPiXEmpirical.grad(Float64Array.of(m), new Float64Array(1))[0]) < 1e-12);
    // It is the lowest of the listed ones, and lower than the empirical risk at the true minimizer.
    const fm = xCosPiXEmpirical.f(Float64Array.of(m));
    for (const [o] of xCosPiXEmpirical.minima!) assert.ok(fm <= xCosPiXEmpirical.f(Float64Array.of(o)));
    assert.ok(Math.abs(m - xCosPiX.minima![0][0]) > 0.05);
  });
});
