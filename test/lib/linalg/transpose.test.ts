import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { transpose } from "../../../lib/src/linalg/transpose";
import { fromRows, toRows } from "../../../lib/src/linalg/fromRows";

describe("transpose", () => {
  it("transpose turns a row into a column", () => {
    assert.deepEqual(toRows(transpose(fromRows([[1, 2, 3]]))), [[1], [2], [3]]);
  });
});
