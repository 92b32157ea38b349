import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rotation2d } from "../../../lib/src/linalg/rotation2d";
import { matvec } from "../../../lib/src/linalg/matvec";

describe("rotation2d", () => {
  it("rotation2d(pi/4) maps (1, 0) to (1/√2, 1/√2)", () => {
    const y = matvec(rotation2d(Math.PI / 4), Float64Array.of(1, 0));
    assert.ok(Math.abs(y[0] - Math.SQRT1_2) < 1e-15 && Math.abs(y[1] - Math.SQRT1_2) < 1e-15);
  });
});
