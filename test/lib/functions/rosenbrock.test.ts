import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rosenbrock } from "../../../lib/src/functions/rosenbrock";

describe("rosenbrock", () => {
  it("rosenbrock is 0 with zero gradient at (1, 1)", () => {
    assert.equal(rosenbrock.f(Float64Array.of(1, 1)), 0);
    assert.deepEqual([...rosenbrock.grad(Float64Array.of(1, 1), new Float64Array(2))].map(Math.abs), [0, 0]);
  });

  it("rosenbrock at (-1.5, 2): f = 2.5² + 100·0.25² = 12.5, gradient (-155, -50)", () => {
    assert.equal(rosenbrock.f(Float64Array.of(-1.5, 2)), 12.5);
    assert.deepEqual([...rosenbrock.grad(Float64Array.of(-1.5, 2), new Float64Array(2))], [-155, -50]);
  });

  it("rosenbrock's Hessian at (1, 1) is [[802, -400], [-400, 200]]", () => {
    assert.deepEqual(
      [...rosenbrock.hessian!(Float64Array.of(1, 1), new Float64Array(4))],
      [802, -400, -400, 200],
    );
  });
});
