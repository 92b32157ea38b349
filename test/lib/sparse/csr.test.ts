import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  csrFromTriplets,
  csrFromDense,
  csrToDense,
  csrRow,
  csrMatvec,
  csrMatTvec,
  csrColumnCounts,
  csrNormalizeRows,
  csrSelectRows,
  csrValidate,
  csrNnz,
} from "../../../lib/src/sparse/csr";
import { seeded } from "../../../lib/src/core/random";

// X = [[1, 0, 5],
//      [7, 0, 0]]
const small = () => csrFromTriplets(2, 3, [0, 1, 0], [2, 0, 0], [5, 7, 1]);

/** A random rows x cols dense matrix with about `density` of its entries non-zero. */
function randomDense(rows: number, cols: number, density: number, seed: number): Float64Array {
  const rng = seeded(seed);
  const a = new Float64Array(rows * cols);
  for (let k = 0; k < a.length; k++) if (rng.uniform() < density) a[k] = rng.normal();
  return a;
}

describe("csrFromTriplets", () => {
  it("sorts each row by column", () => {
    const X = small();
    assert.deepEqual([...X.indptr], [0, 2, 3]);
    assert.deepEqual([...X.indices], [0, 2, 0]);
    assert.deepEqual([...X.data], [1, 5, 7]);
    assert.equal(csrNnz(X), 3);
  });

  it("sums duplicate (row, col) pairs as scipy does", () => {
    const X = csrFromTriplets(1, 2, [0, 0, 0], [1, 1, 0], [2, 3, 4]);
    assert.deepEqual([...X.indices], [0, 1]);
    assert.deepEqual([...X.data], [4, 5]);
  });

  it("rejects an out-of-range column, naming the triplet and the value", () => {
    assert.throws(
      () => csrFromTriplets(2, 3, [0], [3], [1]),
      /Invalid column index at triplet 0: 3 is not in \[0, 3\)/,
    );
    assert.throws(() => csrFromTriplets(2, 3, [0, -1], [0, 0], [1, 1]), /Invalid row index at triplet 1: -1/);
    assert.throws(() => csrFromTriplets(2, 3, [0], [0], [NaN]), /Invalid value at triplet 0: NaN/);
    assert.throws(() => csrFromTriplets(2, 3, [0, 1], [0], [1]), /Mismatched triplet lengths/);
  });
});

describe("csrValidate", () => {
  it("accepts a well-formed matrix and returns it", () => {
    const X = small();
    assert.equal(csrValidate(X), X);
  });

  it("names the entry of an unsorted or out-of-range column", () => {
    const X = small();
    X.indices[1] = 0;
    assert.throws(() => csrValidate(X), /entry 1 \(row 0\): 0 after 0/);
    X.indices[1] = 9;
    assert.throws(() => csrValidate(X), /entry 1 \(row 0\): 9 is not in \[0, 3\)/);
  });

  it("names a non-finite value", () => {
    const X = small();
    X.data[2] = Infinity;
    assert.throws(() => csrValidate(X), /Invalid CSR value at entry 2 \(row 1\): Infinity/);
    X.data[2] = NaN;
    assert.throws(() => csrValidate(X), /Invalid CSR value at entry 2 \(row 1\): NaN/);
  });

  it("finds a non-finite value at any entry, among the first four as in the last ones", () => {
    const values = [1, 2, 3, 4, 5, 6, 7];
    for (let k = 0; k < values.length; k++) {
      const X = csrFromTriplets(1, 7, [0, 0, 0, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5, 6], values);
      assert.equal(csrValidate(X), X);
      X.data[k] = -Infinity;
      assert.throws(() => csrValidate(X), new RegExp(`entry ${k} \\(row 0\\): -Infinity`));
    }
  });

  it("names a bad indptr", () => {
    const X = small();
    X.indptr[2] = 5;
    assert.throws(() => csrValidate(X), /Invalid CSR lengths: indptr\[rows\] = 5/);
    const Y = { ...small(), indptr: Int32Array.of(0, 3, 3) };
    Y.indptr[1] = 4;
    assert.throws(() => csrValidate(Y), /Invalid CSR indptr at row 1: 3 < 4/);
  });
});

describe("CSR products", () => {
  it("csrRow returns views of one row", () => {
    const r = csrRow(small(), 0);
    assert.deepEqual([...r.indices], [0, 2]);
    assert.deepEqual([...r.data], [1, 5]);
    assert.throws(() => csrRow(small(), 2), /Invalid row index: 2/);
  });

  it("csrMatvec of the small example: [1+5, 7] = [6, 7], returned in the output array", () => {
    const out = new Float64Array(2);
    assert.equal(csrMatvec(small(), Float64Array.of(1, 1, 1), out), out);
    assert.deepEqual([...out], [6, 7]);
  });

  it("csrMatvec and csrMatTvec equal the dense products on a random 30 x 50 matrix", () => {
    const rows = 30;
    const cols = 50;
    const A = randomDense(rows, cols, 0.1, 1);
    const X = csrFromDense(rows, cols, A);
    const rng = seeded(2);
    const w = Float64Array.from({ length: cols }, () => rng.normal());
    const v = Float64Array.from({ length: rows }, () => rng.normal());
    const Xw = csrMatvec(X, w, new Float64Array(rows));
    const Xtv = csrMatTvec(X, v, new Float64Array(cols).fill(99));
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += A[i * cols + j] * w[j];
      assert.ok(Math.abs(Xw[i] - s) < 1e-12);
    }
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += A[i * cols + j] * v[i];
      assert.ok(Math.abs(Xtv[j] - s) < 1e-12);
    }
    assert.deepEqual([...csrToDense(X)], [...A]);
  });

  it("products reject vectors of the wrong length", () => {
    assert.throws(() => csrMatvec(small(), new Float64Array(2), new Float64Array(2)), /expected cols = 3/);
    assert.throws(() => csrMatTvec(small(), new Float64Array(2), new Float64Array(2)), /expected cols = 3/);
  });

  it("an empty matrix (0 rows) gives empty products", () => {
    const X = csrFromTriplets(0, 3, [], [], []);
    assert.deepEqual([...csrMatTvec(X, new Float64Array(0), new Float64Array(3))], [0, 0, 0]);
    assert.equal(csrMatvec(X, new Float64Array(3), new Float64Array(0)).length, 0);
  });
});

describe("column counts, normalisation and row selection", () => {
  it("csrColumnCounts counts the rows using each column: [2, 0, 1]", () => {
    assert.deepEqual([...csrColumnCounts(small())], [2, 0, 1]);
  });

  it("csrNormalizeRows gives unit rows: [1, 5]/sqrt(26) and [1]", () => {
    const X = csrNormalizeRows(small());
    assert.ok(Math.abs(X.data[0] - 1 / Math.sqrt(26)) < 1e-15);
    assert.ok(Math.abs(X.data[1] - 5 / Math.sqrt(26)) < 1e-15);
    assert.equal(X.data[2], 1);
  });

  it("csrSelectRows picks rows in the given order", () => {
    const X = csrSelectRows(small(), [1, 0, 1]);
    assert.deepEqual([...X.indptr], [0, 1, 3, 4]);
    assert.deepEqual([...X.indices], [0, 0, 2, 0]);
    assert.deepEqual([...X.data], [7, 1, 5, 7]);
    csrValidate(X);
  });
});
