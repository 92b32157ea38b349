import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { effectiveLrFigure } from "../../../lib/src/plot/effectiveLrFigure";
import { matchSnapshot } from "./snapshot";

describe("effectiveLrFigure", () => {
  it("draws one line per coordinate over the steps on a log axis (snapshot)", () => {
    const fig = effectiveLrFigure([
      [0.5, 0.05],
      [0.35, 0.03],
      [0.29, 0.025],
    ]);
    matchSnapshot("effectiveLrFigure", fig);
    assert.deepEqual(
      fig.data.map((t) => t.name),
      ["x₁", "x₂"],
    );
  });

  it("draws one bar per coordinate for a single vector", () => {
    const fig = effectiveLrFigure(new Float64Array([0.1, 0.01, 0.001]), { names: ["w", "b", "c"] });
    assert.equal(fig.data[0].type, "bar");
    assert.deepEqual(fig.data[0].x, ["w", "b", "c"]);
  });

  it("throws naming a step with the wrong number of coordinates", () => {
    assert.throws(() => effectiveLrFigure([[1, 2], [1]]), /step 1 has 1 coordinates, step 0 has 2/);
  });
});
