import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gemm } from "../../../lib/src/nn/gemm";

describe("gemm", () => {
  it("gemm(A, B) multiplies row-major matrices and returns C", () => {
    // [1 2; 3 4] · [5 6; 7 8] = [1*5+2*7 1*6+2*8; 3*5+4*7 3*6+4*8] = [19 22; 43 50]
    const C = new Float32Array(4);
    assert.equal(gemm(false, false, 2, 2, 2, Float32Array.of(1, 2, 3, 4), Float32Array.of(5, 6, 7, 8), C), C);
    assert.deepEqual([...C], [19, 22, 43, 50]);
  });

  it("transA multiplies by the transpose of A stored K x M", () => {
    // A stored 2 x 3 = [1 2 3; 4 5 6]; Aᵀ (3 x 2) · B (2 x 1), B = [1; 1] gives the column sums [5; 7; 9]
    const C = gemm(
      true,
      false,
      3,
      1,
      2,
      Float32Array.of(1, 2, 3, 4, 5, 6),
      Float32Array.of(1, 1),
      new Float32Array(3),
    );
    assert.deepEqual([...C], [5, 7, 9]);
  });

  it("accumulate adds to C instead of overwriting it", () => {
    const C = Float32Array.of(10);
    gemm(false, true, 1, 1, 2, Float32Array.of(1, 2), Float32Array.of(3, 4), C);
    assert.deepEqual([...C], [21]); // 10 + 1*3 + 2*4
  });

  it("an empty inner dimension gives zeros (or leaves C when accumulating)", () => {
    assert.deepEqual(
      [...gemm(false, false, 1, 2, 0, new Float32Array(0), new Float32Array(0), Float32Array.of(7, 7))],
      [0, 0],
    );
    assert.deepEqual(
      [...gemm(false, true, 1, 2, 0, new Float32Array(0), new Float32Array(0), Float32Array.of(7, 7))],
      [7, 7],
    );
  });
});
