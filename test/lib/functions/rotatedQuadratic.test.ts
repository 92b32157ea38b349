import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rotatedQuadratic } from "../../../lib/src/functions/rotatedQuadratic";

describe("rotatedQuadratic", () => {
  it("rotated_quadratic at (3, 1) is 0.1·16 + 2·4 = 9.6", () => {
    assert.ok(Math.abs(rotatedQuadratic.f(Float64Array.of(3, 1)) - 9.6) < 1e-12);
  });

  it("rotated_quadratic's Hessian is [[4.2, -3.8], [-3.8, 4.2]] (eigenvalues 0.4 and 8)", () => {
    const h = [...rotatedQuadratic.hessian!(new Float64Array(2), new Float64Array(4))];
    assert.deepEqual(h, [4.2, -3.8, -3.8, 4.2]);
    // Eigenvalues of [[a, b], [b, a]] are a ± b.
    assert.ok(Math.abs(h[0] + h[1] - 0.4) < 1e-12 && Math.abs(h[0] - h[1] - 8) < 1e-12);
  });
});
