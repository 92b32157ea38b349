import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomOrthogonal } from "../../../lib/src/linalg/randomOrthogonal";
import { matmul } from "../../../lib/src/linalg/matmul";
import { transpose } from "../../../lib/src/linalg/transpose";
import { matvec } from "../../../lib/src/linalg/matvec";
import { seeded } from "../../../lib/src/core/random";

describe("randomOrthogonal", () => {
  it("randomOrthogonal(n) satisfies UᵀU = I to 1e-14", () => {
    for (const n of [1, 2, 5, 20]) {
      const U = randomOrthogonal(n, seeded(n));
      const I = matmul(transpose(U), U);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) assert.ok(Math.abs(I.data[i * n + j] - (i === j ? 1 : 0)) < 1e-14);
    }
  });

  it("the same seed gives the same matrix", () => {
    assert.deepEqual(randomOrthogonal(4, seeded(9)), randomOrthogonal(4, seeded(9)));
  });

  it("an orthogonal change of variables keeps distances: ||Uc - Uδ|| = ||c - δ|| (SYLLABUS §8, exercise 1)", () => {
    const U = randomOrthogonal(3, seeded(5));
    const c = Float64Array.of(1, -2, 0.5);
    const d = Float64Array.of(0.3, 0.1, 2);
    const Uc = matvec(U, c);
    const Ud = matvec(U, d);
    const norm = (a: Float64Array, b: Float64Array) => Math.hypot(...a.map((v, i) => v - b[i]));
    assert.ok(Math.abs(norm(Uc, Ud) - norm(c, d)) < 1e-14);
  });
});
