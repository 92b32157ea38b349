import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { conditionNumber } from "../../../lib/src/linalg/conditionNumber";
import { fromRows } from "../../../lib/src/linalg/fromRows";
import { d2lQuadratic } from "../../../lib/src/functions/d2lQuadratic";
import { rotatedQuadratic } from "../../../lib/src/functions/rotatedQuadratic";
import { symmetricEigen } from "../../../lib/src/linalg/symmetricEigen";

const hessianOf = (h: (x: Float64Array, out: Float64Array) => Float64Array) => ({
  rows: 2,
  cols: 2,
  data: h(new Float64Array(2), new Float64Array(4)),
});

describe("conditionNumber", () => {
  it("Q has condition number 4.83 and its diagonal preconditioning Q_tilde 2.01 (SYLLABUS §8)", () => {
    assert.equal(
      conditionNumber(
        fromRows([
          [4, 1, 2],
          [1, 9, 3],
          [2, 3, 16],
        ]),
      ).toFixed(2),
      "4.83",
    );
    assert.equal(
      conditionNumber(
        fromRows([
          [1, 1 / 6, 1 / 4],
          [1 / 6, 1, 1 / 4],
          [1 / 4, 1 / 4, 1],
        ]),
      ).toFixed(2),
      "2.01",
    );
  });

  it("d2l_quadratic (eigenvalues 0.2, 4) and rotated_quadratic (0.4, 8) both have condition number 20", () => {
    const h1 = hessianOf(d2lQuadratic.hessian!);
    const h2 = hessianOf(rotatedQuadratic.hessian!);
    assert.ok(Math.abs(conditionNumber(h1) - 20) < 1e-12);
    assert.ok(Math.abs(conditionNumber(h2) - 20) < 1e-12);
    assert.deepEqual([...symmetricEigen(h1).values], [0.2, 4]);
    // The exercise says 0.2 and 4 for both (lecture error): the rotated formula has twice the curvature.
    assert.deepEqual(
      [...symmetricEigen(h2).values].map((v) => +v.toFixed(12)),
      [0.4, 8],
    );
  });

  it("conditionNumber uses singular values for a non-symmetric matrix, and is Infinity when singular", () => {
    assert.ok(
      Math.abs(
        conditionNumber(
          fromRows([
            [1, 1],
            [0, 1],
          ]),
        ) -
          (3 + Math.sqrt(5)) / 2,
      ) < 1e-12,
    );
    assert.equal(
      conditionNumber(
        fromRows([
          [1, 1],
          [1, 1],
        ]),
      ),
      Infinity,
    );
  });
});
