import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gerschgorinDiscs } from "../../../lib/src/linalg/gerschgorinDiscs";
import { fromRows } from "../../../lib/src/linalg/fromRows";

describe("gerschgorinDiscs", () => {
  it("Q_tilde's discs are centred at 1 with radii 5/12, 5/12, 1/2 (SYLLABUS §8)", () => {
    const d = gerschgorinDiscs(
      fromRows([
        [1, 1 / 6, 1 / 4],
        [1 / 6, 1, 1 / 4],
        [1 / 4, 1 / 4, 1],
      ]),
    );
    assert.deepEqual(
      d.map((x) => x.center),
      [1, 1, 1],
    );
    [5 / 12, 5 / 12, 1 / 2].forEach((r, i) => assert.ok(Math.abs(d[i].radius - r) < 1e-15));
  });

  it("gerschgorinDiscs works row by row for a non-symmetric matrix, with absolute values", () => {
    assert.deepEqual(
      gerschgorinDiscs(
        fromRows([
          [2, -1],
          [3, 0],
        ]),
      ),
      [
        { center: 2, radius: 1 },
        { center: 0, radius: 3 },
      ],
    );
  });
});
