import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { saddle } from "../../../lib/src/functions/saddle";

describe("saddle", () => {
  it("saddle's gradient vanishes at the origin", () => {
    assert.deepEqual([...saddle.grad(Float64Array.of(0, 0), new Float64Array(2))].map(Math.abs), [0, 0]);
  });

  it("saddle's Hessian is diag(2, -2): eigenvalues of both signs (SYLLABUS §0)", () => {
    assert.deepEqual([...saddle.hessian!(new Float64Array(2), new Float64Array(4))], [2, 0, 0, -2]);
  });
});
