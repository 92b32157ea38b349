import type { Matrix } from "../core/types";

/**
 * A dense row-major {@link Matrix} from nested rows, for lessons and tests.
 *
 * @example
 * fromRows([[1, 2], [3, 4]]); //=> { rows: 2, cols: 2, data: Float64Array [1, 2, 3, 4] }
 */
export function fromRows(rows: number[][]): Matrix {
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0].length;
  const data = new Float64Array(m * n);
  rows.forEach((r, i) => {
    if (r.length !== n)
      throw new RangeError(`Invalid matrix: row ${i} has ${r.length} entries, row 0 has ${n}`);
    data.set(r, i * n);
  });
  return { rows: m, cols: n, data };
}

/**
 * The rows of a matrix as nested arrays (for printing and deepEqual).
 *
 * @example
 * toRows({ rows: 2, cols: 2, data: Float64Array.of(1, 2, 3, 4) }); //=> [[1, 2], [3, 4]]
 */
export function toRows(A: Matrix): number[][] {
  return Array.from({ length: A.rows }, (_, i) => Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols)));
}
