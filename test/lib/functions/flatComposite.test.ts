import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { TestFunction } from "../../../lib/src/core/types";
import { flatComposite } from "../../../lib/src/functions/flatComposite";
import { flatCompositeOuter } from "../../../lib/src/functions/flatCompositeOuter";

function gd(fn: TestFunction, x0: number, lr: number, steps: number): number {
  const x = Float64Array.of(x0);
  const g = new Float64Array(1);
  for (let t = 0; t < steps && Number.isFinite(x[0]); t++) x[0] -= lr * fn.grad(x, g)[0];
  return x[0];
}

describe("flatComposite", () => {
  it("h' vanishes at the inner flat point x = 1, which is not a minimum (h(1) = 1 > h(2) = 0)", () => {
    assert.equal(Math.abs(flatComposite.grad(Float64Array.of(1), new Float64Array(1))[0]), 0);
    assert.equal(flatComposite.f(Float64Array.of(1)), 1);
    assert.equal(flatComposite.f(Float64Array.of(2)), 0);
  });

  it("from x0 = 0, lr 0.01 and 0.001 stall just below x = 1, while g alone reaches its centre", () => {
    for (const lr of [0.01, 0.001]) {
      const x = gd(flatComposite, 0, lr, 5000);
      assert.ok(x > 0.9 && x < 1, `lr ${lr}: ${x}`); // stuck at the flat point, far from the minimum 2
      assert.ok(Math.abs(gd(flatCompositeOuter, 0, lr, 5000) - 1) < 1e-2);
    }
  });

  it("from x0 = 3, lr 0.0005 reaches the minimum 2 in 2,000 steps; g alone is still far from its centre", () => {
    assert.ok(Math.abs(gd(flatComposite, 3, 0.0005, 2000) - 2) < 1e-6);
    assert.ok(Math.abs(gd(flatCompositeOuter, 3, 0.0005, 1000) - 1) > 0.5); // 2 · 0.999^1000 = 0.74
  });

  it("from x0 = 3, lr 0.2 and 10 explode", () => {
    for (const lr of [0.2, 10]) {
      const x = gd(flatComposite, 3, lr, 20);
      assert.ok(!Number.isFinite(x) || Math.abs(x) > 1e100, `lr ${lr}: ${x}`);
    }
  });
});
