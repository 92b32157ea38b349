/**
 * Compressed sparse row (CSR) matrices on typed arrays: the storage of bag-of-words text data, where a
 * document has a few hundred non-zero terms out of tens of thousands.
 *
 * Row `i` holds the entries `k` in `indptr[i] <= k < indptr[i + 1]`: column `indices[k]`, value `data[k]`.
 * Column indices of a row are strictly increasing (sorted, no duplicates), as scipy's canonical format.
 */

/** A rows x cols sparse matrix in compressed sparse row form. */
export interface CSR {
  rows: number;
  cols: number;
  /** Length rows + 1; indptr[0] = 0, indptr[rows] = nnz, non-decreasing. */
  indptr: Int32Array;
  /** Length nnz: the column of each stored entry, strictly increasing within a row. */
  indices: Int32Array;
  /** Length nnz: the value of each stored entry. */
  data: Float64Array;
}

/** Number of stored entries of `X`. */
export function csrNnz(X: CSR): number {
  return X.indptr[X.rows];
}

/**
 * Checks that `X` is a well-formed CSR matrix and throws a RangeError naming the first bad value
 * (`Invalid CSR column index at entry 7 (row 2): 12 is not < cols = 10`). Returns `X`.
 */
export function csrValidate(X: CSR): CSR {
  const { rows, cols, indptr, indices, data } = X;
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`Invalid CSR rows: ${rows}`);
  if (!Number.isInteger(cols) || cols < 0) throw new RangeError(`Invalid CSR cols: ${cols}`);
  if (!(indptr instanceof Int32Array)) throw new TypeError("Invalid CSR indptr: expected an Int32Array");
  if (!(indices instanceof Int32Array)) throw new TypeError("Invalid CSR indices: expected an Int32Array");
  if (!(data instanceof Float64Array)) throw new TypeError("Invalid CSR data: expected a Float64Array");
  if (indptr.length !== rows + 1) {
    throw new RangeError(`Invalid CSR indptr length: ${indptr.length} (expected rows + 1 = ${rows + 1})`);
  }
  if (indptr[0] !== 0) throw new RangeError(`Invalid CSR indptr[0]: ${indptr[0]} (expected 0)`);
  const nnz = indptr[rows];
  if (indices.length !== nnz || data.length !== nnz) {
    throw new RangeError(
      `Invalid CSR lengths: indptr[rows] = ${nnz}, indices.length = ${indices.length}, data.length = ${data.length}`,
    );
  }
  for (let i = 0; i < rows; i++) {
    if (indptr[i + 1] < indptr[i])
      throw new RangeError(`Invalid CSR indptr at row ${i}: ${indptr[i + 1]} < ${indptr[i]}`);
  }
  // Fast pass: columns increasing and in range, values finite (x * 0 is NaN exactly for NaN and ±Infinity;
  // four sums, as one chain of additions waits on each one's latency).
  let bad = false;
  for (let i = 0; i < rows && !bad; i++) {
    let prev = -1;
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) {
      const j = indices[k];
      if (j <= prev || j >= cols) {
        bad = true;
        break;
      }
      prev = j;
    }
  }
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  let z3 = 0;
  let k = 0;
  for (; k + 3 < nnz; k += 4) {
    z0 += data[k] * 0;
    z1 += data[k + 1] * 0;
    z2 += data[k + 2] * 0;
    z3 += data[k + 3] * 0;
  }
  for (; k < nnz; k++) z0 += data[k] * 0;
  if (!bad && z0 + z1 + z2 + z3 === 0) return X;
  // Slow pass: name the first bad entry.
  for (let i = 0; i < rows; i++) {
    const start = indptr[i];
    const end = indptr[i + 1];
    let prev = -1;
    for (let k = start; k < end; k++) {
      const j = indices[k];
      if (j < 0 || j >= cols) {
        throw new RangeError(
          `Invalid CSR column index at entry ${k} (row ${i}): ${j} is not in [0, ${cols})`,
        );
      }
      if (j <= prev) {
        throw new RangeError(
          `Invalid CSR column index at entry ${k} (row ${i}): ${j} after ${prev} (columns must increase)`,
        );
      }
      if (!Number.isFinite(data[k]))
        throw new RangeError(`Invalid CSR value at entry ${k} (row ${i}): ${data[k]}`);
      prev = j;
    }
  }
  return X;
}

/**
 * Builds a CSR matrix from coordinate triplets (row[k], col[k], value[k]), in any order. Duplicate
 * (row, col) pairs are summed, as scipy's `coo_matrix(...).tocsr()` does. Validates every triplet.
 *
 * @example
 * const X = csrFromTriplets(2, 3, [0, 1, 0], [2, 0, 0], [5, 7, 1]);
 * X.indptr; //=> Int32Array [0, 2, 3]
 * X.indices; //=> Int32Array [0, 2, 0]
 * X.data; //=> Float64Array [1, 5, 7]
 */
export function csrFromTriplets(
  rows: number,
  cols: number,
  rowIdx: ArrayLike<number>,
  colIdx: ArrayLike<number>,
  values: ArrayLike<number>,
): CSR {
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`Invalid number of rows: ${rows}`);
  if (!Number.isInteger(cols) || cols < 0) throw new RangeError(`Invalid number of cols: ${cols}`);
  const n = rowIdx.length;
  if (colIdx.length !== n || values.length !== n) {
    throw new RangeError(
      `Mismatched triplet lengths: rows ${n}, cols ${colIdx.length}, values ${values.length}`,
    );
  }
  const counts = new Int32Array(rows + 1);
  for (let k = 0; k < n; k++) {
    const i = rowIdx[k];
    const j = colIdx[k];
    if (!Number.isInteger(i) || i < 0 || i >= rows) {
      throw new RangeError(`Invalid row index at triplet ${k}: ${i} is not in [0, ${rows})`);
    }
    if (!Number.isInteger(j) || j < 0 || j >= cols) {
      throw new RangeError(`Invalid column index at triplet ${k}: ${j} is not in [0, ${cols})`);
    }
    if (!Number.isFinite(values[k])) throw new RangeError(`Invalid value at triplet ${k}: ${values[k]}`);
    counts[i + 1]++;
  }
  for (let i = 0; i < rows; i++) counts[i + 1] += counts[i];
  // Scatter into rows, then sort each row by column and sum duplicates.
  const next = counts.slice(0, rows);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[next[rowIdx[k]]++] = k;
  const indptr = new Int32Array(rows + 1);
  const indicesTmp = new Int32Array(n);
  const dataTmp = new Float64Array(n);
  let nnz = 0;
  for (let i = 0; i < rows; i++) {
    const row = Array.from(order.subarray(counts[i], counts[i + 1]));
    row.sort((a, b) => colIdx[a] - colIdx[b] || a - b);
    let prev = -1;
    for (const k of row) {
      const j = colIdx[k];
      if (j === prev) {
        dataTmp[nnz - 1] += values[k];
      } else {
        indicesTmp[nnz] = j;
        dataTmp[nnz] = values[k];
        nnz++;
        prev = j;
      }
    }
    indptr[i + 1] = nnz;
  }
  return { rows, cols, indptr, indices: indicesTmp.slice(0, nnz), data: dataTmp.slice(0, nnz) };
}

/** Converts a dense row-major `rows x cols` array to CSR, keeping the non-zero entries. */
export function csrFromDense(rows: number, cols: number, dense: ArrayLike<number>): CSR {
  if (dense.length !== rows * cols) {
    throw new RangeError(
      `Invalid dense length: ${dense.length} (expected ${rows} x ${cols} = ${rows * cols})`,
    );
  }
  let nnz = 0;
  for (let k = 0; k < dense.length; k++) if (dense[k] !== 0) nnz++;
  const indptr = new Int32Array(rows + 1);
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = dense[i * cols + j];
      if (v !== 0) {
        indices[k] = j;
        data[k] = v;
        k++;
      }
    }
    indptr[i + 1] = k;
  }
  return { rows, cols, indptr, indices, data };
}

/** Writes `X` densely (row-major) into `out` (length rows * cols) and returns it. */
export function csrToDense(X: CSR, out: Float64Array = new Float64Array(X.rows * X.cols)): Float64Array {
  if (out.length !== X.rows * X.cols) {
    throw new RangeError(`Invalid output length: ${out.length} (expected ${X.rows * X.cols})`);
  }
  out.fill(0);
  for (let i = 0; i < X.rows; i++) {
    for (let k = X.indptr[i]; k < X.indptr[i + 1]; k++) out[i * X.cols + X.indices[k]] = X.data[k];
  }
  return out;
}

/**
 * Row `i` of `X` as zero-copy views: `{ indices, data }` are subarrays of X's storage.
 *
 * @example
 * csrRow(csrFromTriplets(2, 3, [0, 1, 0], [2, 0, 0], [5, 7, 1]), 0); //=> { indices: [0, 2], data: [1, 5] }
 */
export function csrRow(X: CSR, i: number): { indices: Int32Array; data: Float64Array } {
  if (!Number.isInteger(i) || i < 0 || i >= X.rows) throw new RangeError(`Invalid row index: ${i}`);
  const start = X.indptr[i];
  const end = X.indptr[i + 1];
  return { indices: X.indices.subarray(start, end), data: X.data.subarray(start, end) };
}

/**
 * out ← X w (length rows). Returns `out`.
 *
 * @example
 * csrMatvec(X, Float64Array.of(1, 1, 1), new Float64Array(2)); //=> Float64Array [6, 7] for X above
 */
export function csrMatvec(X: CSR, w: Float64Array, out: Float64Array): Float64Array {
  if (w.length !== X.cols)
    throw new RangeError(`Invalid vector length: ${w.length} (expected cols = ${X.cols})`);
  if (out.length !== X.rows)
    throw new RangeError(`Invalid output length: ${out.length} (expected rows = ${X.rows})`);
  const { indptr, indices, data } = X;
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) s += data[k] * w[indices[k]];
    out[i] = s;
  }
  return out;
}

/** out ← Xᵀ v (length cols). Returns `out`. */
export function csrMatTvec(X: CSR, v: Float64Array, out: Float64Array): Float64Array {
  if (v.length !== X.rows)
    throw new RangeError(`Invalid vector length: ${v.length} (expected rows = ${X.rows})`);
  if (out.length !== X.cols)
    throw new RangeError(`Invalid output length: ${out.length} (expected cols = ${X.cols})`);
  const { indptr, indices, data } = X;
  out.fill(0);
  for (let i = 0; i < X.rows; i++) {
    const vi = v[i];
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) out[indices[k]] += vi * data[k];
  }
  return out;
}

/**
 * Document frequencies: out[j] ← number of rows with a stored entry in column j. Returns `out`.
 * For per-sample training this is how many updates feature j receives per epoch.
 */
export function csrColumnCounts(X: CSR, out: Int32Array = new Int32Array(X.cols)): Int32Array {
  if (out.length !== X.cols)
    throw new RangeError(`Invalid output length: ${out.length} (expected cols = ${X.cols})`);
  out.fill(0);
  const { indices } = X;
  for (let k = 0, nnz = csrNnz(X); k < nnz; k++) out[indices[k]]++;
  return out;
}

/** Scales every non-empty row of `X` in place to unit Euclidean norm (sklearn's norm="l2"). Returns `X`. */
export function csrNormalizeRows(X: CSR): CSR {
  const { indptr, data } = X;
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) s += data[k] * data[k];
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) data[k] *= inv;
    }
  }
  return X;
}

/** A new CSR matrix made of the rows `rowIds` of `X`, in that order (for train/test splits). */
export function csrSelectRows(X: CSR, rowIds: ArrayLike<number>): CSR {
  const indptr = new Int32Array(rowIds.length + 1);
  for (let r = 0; r < rowIds.length; r++) {
    const i = rowIds[r];
    if (!Number.isInteger(i) || i < 0 || i >= X.rows) throw new RangeError(`Invalid row index at ${r}: ${i}`);
    indptr[r + 1] = indptr[r] + X.indptr[i + 1] - X.indptr[i];
  }
  const nnz = indptr[rowIds.length];
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  for (let r = 0; r < rowIds.length; r++) {
    const i = rowIds[r];
    indices.set(X.indices.subarray(X.indptr[i], X.indptr[i + 1]), indptr[r]);
    data.set(X.data.subarray(X.indptr[i], X.indptr[i + 1]), indptr[r]);
  }
  return { rows: rowIds.length, cols: X.cols, indptr, indices, data };
}
