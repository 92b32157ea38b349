import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { leadingMinors } from "../../../lib/src/linalg/leadingMinors";
import { fromRows } from "../../../lib/src/linalg/fromRows";

describe("leadingMinors", () => {
  it("leadingMinors of [[4,1,2],[1,9,3],[2,3,16]] are 4, 35, 500 (all > 0: positive definite)", () => {
    // D3 = 4(144 - 9) - 1(16 - 6) + 2(3 - 18) = 540 - 10 - 30 = 500
    assert.deepEqual(
      leadingMinors(
        fromRows([
          [4, 1, 2],
          [1, 9, 3],
          [2, 3, 16],
        ]),
      ).map((d) => +d.toFixed(10)),
      [4, 35, 500],
    );
  });

  it("leadingMinors handles a zero pivot by row exchange", () => {
    assert.deepEqual(
      leadingMinors(
        fromRows([
          [0, 1],
          [1, 0],
        ]),
      ),
      [0, -1],
    );
  });
});
