import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rcv1Like } from "../../../lib/src/data/rcv1Like";
import { csrValidate, csrColumnCounts, csrMatvec } from "../../../lib/src/sparse/csr";

describe("rcv1Like", () => {
  const small = { rows: 2000, cols: 5000, meanNnz: 40, seed: 1 };

  it("gives a valid CSR matrix of the asked shape with about rows x meanNnz non-zeros", () => {
    const { X } = rcv1Like(small);
    csrValidate(X);
    assert.deepEqual([X.rows, X.cols], [2000, 5000]);
    const nnz = X.indptr[X.rows];
    assert.ok(Math.abs(nnz / (2000 * 40) - 1) < 0.1, `nnz ${nnz}`);
  });

  it("rows have unit length and feature frequencies are Zipf-like: a few common, most rare", () => {
    const { X } = rcv1Like(small);
    for (let i = 0; i < X.rows; i += 97) {
      let s = 0;
      for (let k = X.indptr[i]; k < X.indptr[i + 1]; k++) s += X.data[k] ** 2;
      assert.ok(Math.abs(s - 1) < 1e-12);
    }
    const df = Array.from(csrColumnCounts(X)).sort((a, b) => b - a);
    assert.ok(df[0] > 0.5 * X.rows, `most common feature in ${df[0]} rows`);
    assert.ok(df[X.cols / 2] < 10, `median feature in ${df[X.cols / 2]} rows`);
  });

  it("labels follow the planted model up to the label noise", () => {
    const { X, y, wTrue, threshold } = rcv1Like({ ...small, labelNoise: 0.1 });
    const z = csrMatvec(X, wTrue, new Float64Array(X.rows));
    let agree = 0;
    for (let i = 0; i < X.rows; i++) if ((z[i] > threshold ? 1 : 0) === y[i]) agree++;
    assert.ok(Math.abs(agree / X.rows - 0.9) < 0.03, `agreement ${agree / X.rows}`);
    const positive = y.reduce((a, b) => a + b, 0) / X.rows;
    assert.ok(Math.abs(positive - 0.47) < 0.05);
  });

  it("is seeded: the same seed gives the same data, another seed other data", () => {
    const a = rcv1Like({ ...small, rows: 200 });
    assert.deepEqual(rcv1Like({ ...small, rows: 200 }).X, a.X);
    assert.notDeepEqual(rcv1Like({ ...small, rows: 200, seed: 2 }).X.indices, a.X.indices);
  });

  it("the defaults have RCV1-train's shape: 23,149 x 47,236 and about 1.5 M non-zeros", () => {
    const { X } = rcv1Like();
    assert.deepEqual([X.rows, X.cols], [23149, 47236]);
    assert.ok(Math.abs(X.indptr[X.rows] / 1.5e6 - 1) < 0.05);
  });

  it("rejects bad options, naming the value", () => {
    assert.throws(() => rcv1Like({ rows: 0 }), /Invalid rows: 0/);
    assert.throws(() => rcv1Like({ labelNoise: 1.5 }), /Invalid labelNoise: 1.5/);
  });
});
