import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { eigenvalues } from "../../../lib/src/linalg/eigenvalues";
import { fromRows } from "../../../lib/src/linalg/fromRows";

const sorted = (a: Float64Array) => Array.from(a).sort((x, y) => x - y);

describe("eigenvalues", () => {
  it("a 90 degree rotation has eigenvalues ±i", () => {
    const e = eigenvalues(
      fromRows([
        [0, -1],
        [1, 0],
      ]),
    );
    assert.deepEqual(
      sorted(e.re).map((x) => Math.abs(x) < 1e-12),
      [true, true],
    );
    assert.deepEqual(
      sorted(e.im).map((x) => Math.round(x * 1e9) / 1e9),
      [-1, 1],
    );
  });

  it("Q of the lecture has eigenvalues about 3.620, 7.904, 17.477 (SYLLABUS §8)", () => {
    const e = eigenvalues(
      fromRows([
        [4, 1, 2],
        [1, 9, 3],
        [2, 3, 16],
      ]),
    );
    assert.deepEqual(
      sorted(e.re).map((x) => Math.round(x * 1000) / 1000),
      [3.62, 7.904, 17.477],
    );
    assert.ok(e.im.every((x) => Math.abs(x) < 1e-12));
  });

  it("a non-symmetric matrix's eigenvalues have the trace as their sum and the determinant as their product", () => {
    const e = eigenvalues(
      fromRows([
        [1, 2, 0],
        [-3, 1, 1],
        [0.5, 0, 2],
      ]),
    );
    let sumRe = 0;
    let pRe = 1;
    let pIm = 0;
    for (let i = 0; i < 3; i++) {
      sumRe += e.re[i];
      [pRe, pIm] = [pRe * e.re[i] - pIm * e.im[i], pRe * e.im[i] + pIm * e.re[i]];
    }
    // det = 1*(2 - 0) - 2*(-6 - 0.5) + 0 = 15
    assert.ok(Math.abs(sumRe - 4) < 1e-9);
    assert.ok(Math.abs(pRe - 15) < 1e-9 && Math.abs(pIm) < 1e-9);
  });

  it("a non-finite entry is named", () => {
    assert.throws(() => eigenvalues(fromRows([[NaN]])), /Invalid matrix: entry 0 is NaN/);
  });
});
