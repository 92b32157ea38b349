import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gridEvaluate } from "../../../lib/src/plot/gridEvaluate";
import { saddle } from "./fixtures";

describe("gridEvaluate", () => {
  it("gridEvaluate(f, box, 3, 3) puts f(x_i, y_j) at z[j * 3 + i]", () => {
    const g = gridEvaluate(
      (x, y) => x * x + y * y,
      [
        [-1, 1],
        [-1, 1],
      ],
      3,
      3,
    );
    assert.deepEqual(Array.from(g.x), [-1, 0, 1]);
    assert.deepEqual(Array.from(g.z), [2, 1, 2, 1, 0, 1, 2, 1, 2]);
  });

  it("evaluates a TestFunction the same way as a closure", () => {
    const a = gridEvaluate(
      saddle,
      [
        [-2, 2],
        [-1, 1],
      ],
      4,
      3,
    );
    const b = gridEvaluate(
      (x, y) => x * x - y * y,
      [
        [-2, 2],
        [-1, 1],
      ],
      4,
      3,
    );
    assert.deepEqual(a, b);
    assert.equal(a.z.length, 12);
  });

  it("throws on a grid of fewer than 2 points or an empty box", () => {
    assert.throws(
      () =>
        gridEvaluate(
          saddle,
          [
            [-1, 1],
            [-1, 1],
          ],
          1,
        ),
      /Invalid grid size nx: 1/,
    );
    assert.throws(
      () =>
        gridEvaluate(
          saddle,
          [
            [1, 1],
            [-1, 1],
          ],
          5,
        ),
      /Invalid domain/,
    );
  });
});
