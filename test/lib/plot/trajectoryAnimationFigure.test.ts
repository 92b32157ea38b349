import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { trajectoryAnimationFigure } from "../../../lib/src/plot/trajectoryAnimationFigure";
import { matchSnapshot } from "./snapshot";
import { gdQuadratic, quadratic } from "./fixtures";

describe("trajectoryAnimationFigure", () => {
  it("animates two runs with frames, play/pause buttons and a step slider (snapshot)", () => {
    const fig = trajectoryAnimationFigure(
      quadratic,
      [
        { name: "lr 0.4", points: gdQuadratic(0.4, 6) },
        { name: "lr 0.1", points: gdQuadratic(0.1, 3) },
      ],
      { resolution: 5, frames: 4 },
    );
    matchSnapshot("trajectoryAnimationFigure", fig);
    assert.deepEqual(
      fig.frames!.map((f) => f.name),
      ["0", "2", "4", "6"],
    );
    const buttons = (fig.layout.updatemenus as { buttons: { label: string }[] }[])[0].buttons;
    assert.deepEqual(
      buttons.map((b) => b.label),
      ["▶ Play", "❚❚ Pause"],
    );
  });

  it("a shorter run stops at its last point", () => {
    const fig = trajectoryAnimationFigure(
      quadratic,
      [
        { name: "long", points: gdQuadratic(0.4, 6) },
        {
          name: "short",
          points: [
            [-5, -2],
            [-4, -1],
          ],
        },
      ],
      { resolution: 3, frames: 7 },
    );
    const last = fig.frames![6];
    assert.deepEqual(last.data[1].x, [-5, -4]);
    assert.deepEqual(last.data[2].x, [-3.03178, -4]); // -5 · 0.92^6, and the short run's last point
  });

  it("throws without trajectories", () => {
    assert.throws(() => trajectoryAnimationFigure(quadratic, []), /needs at least one/);
  });
});
