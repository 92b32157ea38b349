import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { matvec } from "../../../lib/src/linalg/matvec";
import { fromRows } from "../../../lib/src/linalg/fromRows";

describe("matvec", () => {
  it("matvec([[1, 2], [3, 4]], [1, 1]) is [3, 7], written into and returning out", () => {
    const out = new Float64Array(2);
    assert.equal(
      matvec(
        fromRows([
          [1, 2],
          [3, 4],
        ]),
        Float64Array.of(1, 1),
        out,
      ),
      out,
    );
    assert.deepEqual([...out], [3, 7]);
  });

  it("matvec throws on mismatched lengths and on out === x", () => {
    const x = Float64Array.of(1, 1);
    assert.throws(() => matvec(fromRows([[1, 2, 3]]), x), /1 x 3 matrix, vector 2/);
    assert.throws(
      () =>
        matvec(
          fromRows([
            [1, 2],
            [3, 4],
          ]),
          x,
          x,
        ),
      /cannot write into its input/,
    );
  });
});
