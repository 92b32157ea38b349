import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { contourFigure, scaleZ } from "../../../lib/src/plot/contourFigure";
import { gridEvaluate } from "../../../lib/src/plot/gridEvaluate";
import { matchSnapshot } from "./snapshot";
import { gdQuadratic, quadratic, rosenbrock, saddle } from "./fixtures";

describe("contourFigure", () => {
  it("draws the D2L quadratic with two trajectories, start and minimum (snapshot)", () => {
    const fig = contourFigure(quadratic, {
      title: "D2L quadratic",
      resolution: 9,
      trajectories: [
        { name: "GD lr 0.4", points: gdQuadratic(0.4, 5) },
        { name: "GD lr 0.1", points: gdQuadratic(0.1, 5) },
      ],
    });
    matchSnapshot("contourFigure", fig);
  });

  it("has one legend entry per trajectory and equal axis scaling", () => {
    const fig = contourFigure(quadratic, {
      resolution: 5,
      trajectories: [{ name: "A", points: [-5, -2, 0, 0] }],
    });
    assert.deepEqual(
      fig.data.map((t) => t.name),
      ["d2l_quadratic", "A", "start", "minimum"],
    );
    const y = fig.layout.yaxis as Record<string, unknown>;
    assert.equal(y.scaleanchor, "x");
    assert.equal(y.scaleratio, 1);
  });

  it("samples the function on a resolution² grid, rows along x", () => {
    const fig = contourFigure(saddle, { resolution: 3 });
    assert.deepEqual(fig.data[0].z, [
      [0, -4, 0],
      [4, 0, 4],
      [0, -4, 0],
    ]);
  });

  it("picks a log scale for Rosenbrock and a linear one for the saddle", () => {
    assert.equal(scaleZ(gridEvaluate(rosenbrock, rosenbrock.domain!, 41)).log, true);
    assert.equal(scaleZ(gridEvaluate(saddle, saddle.domain!, 41)).log, false);
  });

  it("draws markers on short trajectories and plain lines on long ones (over 80 points)", () => {
    const fig = contourFigure(quadratic, {
      resolution: 3,
      trajectories: [
        { name: "short", points: gdQuadratic(0.1, 10) },
        { name: "long", points: gdQuadratic(0.1, 100) },
      ],
    });
    assert.deepEqual(
      fig.data.slice(1, 3).map((t) => t.mode),
      ["lines+markers", "lines"],
    );
  });

  it("throws naming the function when there is no domain", () => {
    assert.throws(
      () => contourFigure({ ...quadratic, domain: undefined }),
      /No plotting domain for d2l_quadratic/,
    );
  });

  it("throws naming a trajectory whose points are not 2D", () => {
    assert.throws(
      () =>
        contourFigure(quadratic, { resolution: 3, trajectories: [{ name: "bad", points: [[1, 2], [3]] }] }),
      /trajectory "bad": point 1 has 1 coordinates/,
    );
  });
});
