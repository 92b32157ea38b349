import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cubicXY } from "../../../lib/src/functions/cubicXY";
import { classifyCritical } from "../../../lib/src/linalg/classifyCritical";

const hessianAt = (x: number, y: number) => ({
  rows: 2,
  cols: 2,
  data: cubicXY.hessian!(Float64Array.of(x, y), new Float64Array(4)),
});

describe("cubicXY", () => {
  it("x^3 + y^3 - 3xy has zero gradient at (0, 0) and (1, 1)", () => {
    for (const p of [
      [0, 0],
      [1, 1],
    ]) {
      assert.deepEqual([...cubicXY.grad(Float64Array.from(p), new Float64Array(2))].map(Math.abs), [0, 0]);
    }
  });

  it("its Hessian at (1, 1) is [[6, -3], [-3, 6]]: D1 = 6, D2 = 27, a local minimum (SYLLABUS §0)", () => {
    const H = hessianAt(1, 1);
    assert.deepEqual([...H.data], [6, -3, -3, 6]);
    const r = classifyCritical(H);
    assert.equal(r.kind, "minimum");
    assert.deepEqual(
      r.minors.map((d) => +d.toFixed(12)),
      [6, 27],
    );
  });

  it("its Hessian at (0, 0) has D2 = -9: a saddle", () => {
    const r = classifyCritical(hessianAt(0, 0));
    assert.equal(r.kind, "saddle");
    assert.equal(r.minors[1], -9);
  });
});
