import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { surfaceFigure } from "../../../lib/src/plot/surfaceFigure";
import { matchSnapshot } from "./snapshot";
import { saddle } from "./fixtures";

describe("surfaceFigure", () => {
  it("draws the saddle as a surface with a trajectory lifted onto it (snapshot)", () => {
    const fig = surfaceFigure(saddle, {
      resolution: 5,
      trajectories: [
        {
          name: "GD",
          points: [
            [1, 0.1],
            [0.5, 0.2],
          ],
        },
      ],
    });
    matchSnapshot("surfaceFigure", fig);
    assert.deepEqual(fig.data[1].z, [0.99, 0.21]);
  });
});
