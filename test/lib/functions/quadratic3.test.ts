import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { quadratic3 } from "../../../lib/src/functions/quadratic3";

describe("quadratic3", () => {
  it("quadratic3's gradient is Qx + c: c at the origin, Q's first column + c at e_1", () => {
    assert.deepEqual([...quadratic3.grad(Float64Array.of(0, 0, 0), new Float64Array(3))], [1, -2, 0.5]);
    assert.deepEqual([...quadratic3.grad(Float64Array.of(1, 0, 0), new Float64Array(3))], [5, -1, 2.5]);
  });

  it("quadratic3 at e_1 is ½·4 + 1 = 3, and its Hessian is Q", () => {
    assert.equal(quadratic3.f(Float64Array.of(1, 0, 0)), 3);
    assert.deepEqual(
      [...quadratic3.hessian!(new Float64Array(3), new Float64Array(9))],
      [4, 1, 2, 1, 9, 3, 2, 3, 16],
    );
  });

  it("quadratic3's listed minimum -Q^{-1}c has zero gradient", () => {
    const g = quadratic3.grad(Float64Array.from(quadratic3.minima![0]), new Float64Array(3));
    for (const v of g) assert.ok(Math.abs(v) < 1e-14);
  });
});
