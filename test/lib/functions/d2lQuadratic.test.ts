import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { d2lQuadratic } from "../../../lib/src/functions/d2lQuadratic";

describe("d2lQuadratic", () => {
  it("d2l_quadratic at (-5, -2) is 0.1·25 + 2·4 = 10.5 with gradient (-1, -8)", () => {
    assert.equal(d2lQuadratic.f(Float64Array.of(-5, -2)), 10.5);
    assert.deepEqual([...d2lQuadratic.grad(Float64Array.of(-5, -2), new Float64Array(2))], [-1, -8]);
  });

  it("d2l_quadratic's Hessian is diag(0.2, 4): condition number 20", () => {
    assert.deepEqual([...d2lQuadratic.hessian!(new Float64Array(2), new Float64Array(4))], [0.2, 0, 0, 4]);
  });

  it("d2l_quadratic throws on a 3-coordinate point", () => {
    assert.throws(
      () => d2lQuadratic.f(new Float64Array(3)),
      /d2l_quadratic expects a point with 2 coordinates, got 3/,
    );
  });
});
