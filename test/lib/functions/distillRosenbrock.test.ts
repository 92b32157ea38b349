import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { distillRosenbrock } from "../../../lib/src/functions/distillRosenbrock";

describe("distillRosenbrock", () => {
  it("distill's banana function is 0 with zero gradient at (1, 1/3)", () => {
    const m = Float64Array.of(1, 1 / 3);
    assert.equal(distillRosenbrock.f(m), 0);
    for (const g of distillRosenbrock.grad(m, new Float64Array(2))) assert.ok(Math.abs(g) < 1e-13);
  });

  it("its gradient is distill's: [-2(1-x) - 80x(3y - x^2), 3·40(3y - x^2)]", () => {
    const [x, y] = [-1.21, 0.853];
    const b = 3 * y - x * x;
    assert.deepEqual(
      [...distillRosenbrock.grad(Float64Array.of(x, y), new Float64Array(2))],
      [-2 * (1 - x) - 80 * x * b, 3 * 40 * b],
    );
  });
});
