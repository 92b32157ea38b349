import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { scheduleFigure } from "../../../lib/src/plot/scheduleFigure";
import { matchSnapshot } from "./snapshot";

describe("scheduleFigure", () => {
  it("draws StepLR and cosine schedules as step lines over 45 steps (snapshot)", () => {
    const fig = scheduleFigure(
      {
        "StepLR(10, 0.5)": (t) => 0.1 * 0.5 ** Math.floor(t / 10),
        "Cosine(20)": (t) => 0.001 + ((0.1 - 0.001) * (1 + Math.cos((Math.PI * t) / 20))) / 2,
      },
      45,
    );
    matchSnapshot("scheduleFigure", fig);
    const step = fig.data[0].y as number[];
    assert.deepEqual([step[0], step[9], step[10], step[44]], [0.1, 0.1, 0.05, 0.00625]);
  });

  it("throws on a non-integer number of steps", () => {
    assert.throws(() => scheduleFigure({ c: () => 0.1 }, 2.5), /Invalid number of steps: 2.5/);
  });
});
