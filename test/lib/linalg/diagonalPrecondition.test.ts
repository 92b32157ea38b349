import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { diagonalPrecondition } from "../../../lib/src/linalg/diagonalPrecondition";
import { fromRows, toRows } from "../../../lib/src/linalg/fromRows";

describe("diagonalPrecondition", () => {
  it("Q = [[100, 5], [5, 1]] becomes [[1, 0.5], [0.5, 1]] (S = diag(0.1, 1))", () => {
    assert.deepEqual(
      toRows(
        diagonalPrecondition(
          fromRows([
            [100, 5],
            [5, 1],
          ]),
        ),
      ),
      [
        [1, 0.5],
        [0.5, 1],
      ],
    );
  });

  it("Q = [[4,1,2],[1,9,3],[2,3,16]] becomes [[1,1/6,1/4],[1/6,1,1/4],[1/4,1/4,1]]", () => {
    const got = toRows(
      diagonalPrecondition(
        fromRows([
          [4, 1, 2],
          [1, 9, 3],
          [2, 3, 16],
        ]),
      ),
    );
    const want = [
      [1, 1 / 6, 1 / 4],
      [1 / 6, 1, 1 / 4],
      [1 / 4, 1 / 4, 1],
    ];
    got.forEach((r, i) => r.forEach((v, j) => assert.ok(Math.abs(v - want[i][j]) < 1e-15)));
  });

  it("diagonalPrecondition throws on a non-positive diagonal entry, naming it", () => {
    assert.throws(
      () =>
        diagonalPrecondition(
          fromRows([
            [1, 0],
            [0, -1],
          ]),
        ),
      /diagonal entry 1 is -1/,
    );
  });
});
