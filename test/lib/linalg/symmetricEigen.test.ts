import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { symmetricEigen } from "../../../lib/src/linalg/symmetricEigen";
import { fromRows } from "../../../lib/src/linalg/fromRows";
import { matvec } from "../../../lib/src/linalg/matvec";
import { randomOrthogonal } from "../../../lib/src/linalg/randomOrthogonal";
import { seeded } from "../../../lib/src/core/random";

describe("symmetricEigen", () => {
  it("the eigenvalues of Q = [[4,1,2],[1,9,3],[2,3,16]] are about 3.620, 7.904, 17.477 (SYLLABUS §8)", () => {
    const { values } = symmetricEigen(
      fromRows([
        [4, 1, 2],
        [1, 9, 3],
        [2, 3, 16],
      ]),
    );
    assert.deepEqual(
      [...values].map((v) => v.toFixed(3)),
      ["3.620", "7.904", "17.477"],
    );
    assert.ok(Math.abs(values[0] + values[1] + values[2] - 29) < 1e-12); // trace
  });

  it("the eigenvalues of Q_tilde are about 0.720, 0.833, 1.447, inside the Gerschgorin interval [0.5, 1.5]", () => {
    const { values } = symmetricEigen(
      fromRows([
        [1, 1 / 6, 1 / 4],
        [1 / 6, 1, 1 / 4],
        [1 / 4, 1 / 4, 1],
      ]),
    );
    assert.deepEqual(
      [...values].map((v) => v.toFixed(3)),
      ["0.720", "0.833", "1.447"],
    );
    for (const v of values) assert.ok(v >= 0.5 && v <= 1.5);
  });

  it("the lessons' matrices: eigenvalues within 4e-16 (relative) of the exact roots of their characteristic polynomials", () => {
    // Exact spectra, and for the others the doubles nearest to the roots computed in rational arithmetic.
    const cases: [number[][], number[]][] = [
      [
        [
          [2, 0],
          [0, -2],
        ],
        [-2, 2],
      ],
      [
        [
          [0, -3],
          [-3, 0],
        ],
        [-3, 3],
      ],
      [
        [
          [6, -3],
          [-3, 6],
        ],
        [3, 9],
      ],
      [
        [
          [2, 1],
          [1, 2],
        ],
        [1, 3],
      ],
      [
        [
          [0.2, 0],
          [0, 4],
        ],
        [0.2, 4],
      ],
      [
        [
          [100, 5],
          [5, 1],
        ],
        [0.748115613577007, 100.25188438642299],
      ],
      [
        [
          [4, 1, 2],
          [1, 9, 3],
          [2, 3, 16],
        ],
        [3.6198260001012796, 7.903635099197444, 17.476538900701275],
      ],
      [
        [
          [9, 2, 1],
          [2, 0.25, 0.1],
          [1, 0.1, 40],
        ],
        [-0.1858005266743905, 9.402894691876936, 40.032905834797454],
      ],
    ];
    for (const [rows, exact] of cases) {
      const values = [...symmetricEigen(fromRows(rows)).values];
      values.forEach((v, i) =>
        assert.ok(
          Math.abs(v - exact[i]) / Math.max(1, Math.abs(exact[i])) <= 4e-16,
          `${JSON.stringify(rows)}: ${v} vs ${exact[i]}`,
        ),
      );
    }
  });

  it("A v = lambda v for every returned column, and the columns are orthonormal", () => {
    const U = randomOrthogonal(5, seeded(3));
    // A = U diag(-2, 0, 1, 1, 7) U^T has a repeated eigenvalue.
    const d = [-2, 0, 1, 1, 7];
    const A = fromRows(
      Array.from({ length: 5 }, (_, i) =>
        Array.from({ length: 5 }, (_, j) => {
          let s = 0;
          for (let k = 0; k < 5; k++) s += U.data[i * 5 + k] * d[k] * U.data[j * 5 + k];
          return s;
        }),
      ),
    );
    for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) A.data[i * 5 + j] = A.data[j * 5 + i];
    const { values, vectors } = symmetricEigen(A);
    [...values].forEach((v, k) => assert.ok(Math.abs(v - d[k]) < 1e-12, `${v} vs ${d[k]}`));
    for (let k = 0; k < 5; k++) {
      const v = Float64Array.from({ length: 5 }, (_, i) => vectors.data[i * 5 + k]);
      const Av = matvec(A, v);
      for (let i = 0; i < 5; i++) assert.ok(Math.abs(Av[i] - values[k] * v[i]) < 1e-12);
      for (let l = 0; l < 5; l++) {
        let dot = 0;
        for (let i = 0; i < 5; i++) dot += v[i] * vectors.data[i * 5 + l];
        assert.ok(Math.abs(dot - (k === l ? 1 : 0)) < 1e-12);
      }
    }
  });

  it("symmetricEigen throws on a non-symmetric matrix, naming the entries", () => {
    assert.throws(
      () =>
        symmetricEigen(
          fromRows([
            [1, 2],
            [0, 1],
          ]),
        ),
      /not symmetric, entry \(0, 1\) is 2 but \(1, 0\) is 0/,
    );
  });
});
