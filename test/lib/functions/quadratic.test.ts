import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { quadratic } from "../../../lib/src/functions/quadratic";

describe("quadratic", () => {
  it("quadratic(Q, c) is ½xᵀQx + cᵀx with gradient Qx + c", () => {
    const q = quadratic({ rows: 2, cols: 2, data: Float64Array.of(2, 0, 0, 4) }, Float64Array.of(1, 1));
    assert.equal(q.f(Float64Array.of(1, 1)), 5);
    assert.deepEqual([...q.grad(Float64Array.of(1, 1), new Float64Array(2))], [3, 5]);
    assert.deepEqual(q.minima, [[-0.5, -0.25]]);
  });

  it("a non-symmetric Q acts through its symmetric part", () => {
    const q = quadratic({ rows: 2, cols: 2, data: Float64Array.of(1, 2, 0, 1) });
    assert.deepEqual([...q.hessian!(new Float64Array(2), new Float64Array(4))], [1, 1, 1, 1]);
    assert.equal(q.f(Float64Array.of(1, 1)), 2);
  });

  it("quadratic throws on a non-square matrix or a wrong-length c, naming the sizes", () => {
    assert.throws(
      () => quadratic({ rows: 2, cols: 3, data: new Float64Array(6) }),
      /expected a square matrix, got 2 x 3/,
    );
    assert.throws(
      () => quadratic({ rows: 2, cols: 2, data: new Float64Array(4) }, new Float64Array(3)),
      /Invalid linear term: expected length 2, got 3/,
    );
  });
});
