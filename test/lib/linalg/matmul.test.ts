import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { matmul } from "../../../lib/src/linalg/matmul";
import { fromRows, toRows } from "../../../lib/src/linalg/fromRows";

describe("matmul", () => {
  it("matmul multiplies a 2 x 3 by a 3 x 1", () => {
    assert.deepEqual(
      toRows(
        matmul(
          fromRows([
            [1, 2, 3],
            [4, 5, 6],
          ]),
          fromRows([[1], [0], [-1]]),
        ),
      ),
      [[-2], [-2]],
    );
  });

  it("matmul throws on mismatched shapes", () => {
    assert.throws(() => matmul(fromRows([[1, 2]]), fromRows([[1, 2]])), /1 x 2 and 1 x 2/);
  });
});
