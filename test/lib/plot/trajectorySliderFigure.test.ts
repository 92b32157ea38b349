import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { trajectorySliderFigure } from "../../../lib/src/plot/trajectorySliderFigure";
import { matchSnapshot } from "./snapshot";
import { gdQuadratic, quadratic } from "./fixtures";

describe("trajectorySliderFigure", () => {
  it("shows the contour and, per learning rate, its trajectory (snapshot)", () => {
    const fig = trajectorySliderFigure(
      quadratic,
      [0.1, 0.4].map((lr) => ({
        label: String(lr),
        trajectories: [{ name: "GD", points: gdQuadratic(lr, 3) }],
      })),
      { resolution: 4, prefix: "lr = " },
    );
    matchSnapshot("trajectorySliderFigure", fig);
    assert.equal(fig.data[0].type, "contour");
    assert.equal(fig.frames!.length, 2);
  });
});
