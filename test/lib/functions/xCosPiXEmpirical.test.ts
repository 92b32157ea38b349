import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { xCosPiXEmpirical } from "../../../lib/src/functions/xCosPiXEmpirical";
import { xCosPiX } from "../../../lib/src/functions/xCosPiX";

describe("xCosPiXEmpirical", () => {
  it("the empirical risk is the true risk plus 0.2 cos(5 pi x)", () => {
    for (const u of [-1.5, -0.3, 0, 0.7, 2]) {
      const x = Float64Array.of(u);
      assert.ok(Math.abs(xCosPiXEmpirical.f(x) - xCosPiX.f(x) - 0.2 * Math.cos(5 * Math.PI * u)) < 1e-15);
    }
  });

  it("every listed minimum is a zero of g' with g'' > 0 inside [-1.5, 2]", () => {
    const g = new Float64Array(1);
    const h = new Float64Array(1);
    for (const [m] of xCosPiXEmpirical.minima!) {
      assert.ok(m >= -1.5 && m <= 2);
      assert.ok(Math.abs(xCosPiXEmpirical.grad(Float64Array.of(m), g)[0]) < 1e-11);
      assert.ok(xCosPiXEmpirical.hessian!(Float64Array.of(m), h)[0] > 0);
    }
  });
});
