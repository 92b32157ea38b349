import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { packCounts, unpackCounts } from "../../../lib/src/sparse/packCounts";
import type { CSR } from "../../../lib/src/sparse/csr";

const csr = (rows: number, cols: number, indptr: number[], indices: number[], data: number[]): CSR => ({
  rows,
  cols,
  indptr: Int32Array.from(indptr),
  indices: Int32Array.from(indices),
  data: Float64Array.from(data),
});

describe("packCounts", () => {
  it("writes the rows' entry counts, then the column gaps, then the counts, as varints (the @example)", () => {
    const X = csr(1, 300, [0, 2], [3, 200], [1, 5]);
    assert.deepEqual([...packCounts(X)], [2, 3, 0xc5, 0x01, 1, 5]);
    assert.deepEqual(unpackCounts(packCounts(X), 1, 300), X);
  });

  it("round-trips empty rows, column 0, large gaps and counts past 2^28", () => {
    const X = csr(4, 1 << 20, [0, 0, 3, 3, 4], [0, 1, 1_000_000, 7], [1, 2 ** 31, 3131, 2 ** 32 - 1]);
    assert.deepEqual(unpackCounts(packCounts(X), 4, 1 << 20), X);
  });

  it("refuses a value that is not a count, and unsorted columns, naming the entry", () => {
    assert.throws(() => packCounts(csr(1, 5, [0, 1], [2], [0.5])), /Invalid count at row 0, column 2: 0.5/);
    assert.throws(
      () => packCounts(csr(1, 5, [0, 2], [3, 1], [1, 1])),
      /Invalid column order in row 0: 1 after 3/,
    );
  });

  it("refuses bytes cut short, bytes left over and a column outside the matrix", () => {
    const bytes = packCounts(csr(1, 10, [0, 1], [4], [2]));
    assert.throws(() => unpackCounts(bytes.subarray(0, 2), 1, 10), /cut short at byte 2/);
    assert.throws(() => unpackCounts(Uint8Array.of(...bytes, 0), 1, 10), /1 bytes after the last row/);
    assert.throws(() => unpackCounts(bytes, 1, 4), /column 4 in row 0 of 4 columns/);
  });
});
