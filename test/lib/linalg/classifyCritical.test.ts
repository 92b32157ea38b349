import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { classifyCritical } from "../../../lib/src/linalg/classifyCritical";
import { fromRows } from "../../../lib/src/linalg/fromRows";

describe("classifyCritical", () => {
  it("x^3 + y^3 - 3xy at (1, 1): H = [[6, -3], [-3, 6]], D1 = 6, D2 = 27, a minimum (SYLLABUS §0)", () => {
    const r = classifyCritical(
      fromRows([
        [6, -3],
        [-3, 6],
      ]),
    );
    assert.equal(r.kind, "minimum");
    assert.deepEqual(
      r.minors.map((d) => +d.toFixed(12)),
      [6, 27],
    );
    assert.deepEqual(
      [...r.eigenvalues].map((v) => +v.toFixed(12)),
      [3, 9],
    );
  });

  it("x^2 - y^2 at the origin: eigenvalues -2 and 2, a saddle", () => {
    const r = classifyCritical(
      fromRows([
        [2, 0],
        [0, -2],
      ]),
    );
    assert.equal(r.kind, "saddle");
    assert.deepEqual([...r.eigenvalues], [-2, 2]);
    assert.deepEqual(r.minors, [2, -4]);
  });

  it("a negative definite Hessian is a maximum, a singular one degenerate", () => {
    assert.equal(
      classifyCritical(
        fromRows([
          [-2, 1],
          [1, -2],
        ]),
      ).kind,
      "maximum",
    );
    assert.equal(
      classifyCritical(
        fromRows([
          [1, 1],
          [1, 1],
        ]),
      ).kind,
      "degenerate",
    );
    assert.equal(
      classifyCritical(
        fromRows([
          [0, 0],
          [0, 0],
        ]),
      ).kind,
      "degenerate",
    );
  });
});
