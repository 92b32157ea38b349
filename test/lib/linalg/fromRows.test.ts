import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { fromRows, toRows } from "../../../lib/src/linalg/fromRows";

describe("fromRows", () => {
  it("fromRows stores rows row-major and toRows reads them back", () => {
    const A = fromRows([
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual([...A.data], [1, 2, 3, 4]);
    assert.deepEqual(toRows(A), [
      [1, 2],
      [3, 4],
    ]);
  });

  it("fromRows throws on ragged rows", () => {
    assert.throws(() => fromRows([[1, 2], [3]]), /row 1 has 1 entries, row 0 has 2/);
  });
});
