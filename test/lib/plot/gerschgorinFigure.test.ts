import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gerschgorinFigure } from "../../../lib/src/plot/gerschgorinFigure";
import { matchSnapshot } from "./snapshot";

const m = (rows: number, data: number[]) => ({ rows, cols: rows, data: new Float64Array(data) });

describe("gerschgorinFigure", () => {
  it("draws the discs of Q = [[4,1,2],[1,9,3],[2,3,16]] before and after diagonal preconditioning (snapshot)", () => {
    const fig = gerschgorinFigure(m(3, [4, 1, 2, 1, 9, 3, 2, 3, 16]));
    matchSnapshot("gerschgorinFigure", fig);
    assert.equal((fig.layout.shapes as unknown[]).length, 6);
  });

  it("discs of [[4,1],[1,9]] have centres 4, 9 and radius 1; eigenvalues 6.5 ∓ √7.25", () => {
    const fig = gerschgorinFigure(m(2, [4, 1, 1, 9]), { precondition: false });
    const shapes = fig.layout.shapes as { x0: number; x1: number }[];
    assert.deepEqual(
      shapes.map((s) => [s.x0, s.x1]),
      [
        [3, 5],
        [8, 10],
      ],
    );
    const ev = fig.data[1].x as number[];
    assert.ok(Math.abs(ev[0] - (6.5 - Math.sqrt(7.25))) < 1e-5);
    assert.ok(Math.abs(ev[1] - (6.5 + Math.sqrt(7.25))) < 1e-5);
  });

  it("after preconditioning every disc is centred at 1", () => {
    const fig = gerschgorinFigure(m(3, [4, 1, 2, 1, 9, 3, 2, 3, 16]));
    assert.deepEqual(fig.data[2].x, [1, 1, 1]);
  });

  it("marks given complex eigenvalues of a non-symmetric matrix", () => {
    const fig = gerschgorinFigure([
      { name: "R", matrix: m(2, [0, -1, 1, 0]), eigenvalues: { re: [0, 0], im: [1, -1] } },
    ]);
    assert.deepEqual(fig.data[1].y, [1, -1]);
  });

  it("throws on a non-symmetric matrix without eigenvalues, naming it", () => {
    assert.throws(
      () => gerschgorinFigure([{ name: "R", matrix: m(2, [0, -1, 1, 0]) }]),
      /Matrix "R" is not symmetric/,
    );
  });

  it("throws on a non-positive diagonal when preconditioning", () => {
    assert.throws(
      () => gerschgorinFigure(m(2, [1, 0, 0, -2])),
      /Invalid diagonal entry 1 for preconditioning: -2/,
    );
  });
});
