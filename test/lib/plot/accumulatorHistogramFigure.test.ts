import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { accumulatorHistogramFigure } from "../../../lib/src/plot/accumulatorHistogramFigure";
import { matchSnapshot } from "./snapshot";

describe("accumulatorHistogramFigure", () => {
  it("bins log10 of two layers' accumulators on shared bins (snapshot)", () => {
    const fig = accumulatorHistogramFigure(
      { "layer 1": [1, 10, 100, 1000], "layer 2": [10, 10, 100] },
      { bins: 3 },
    );
    matchSnapshot("accumulatorHistogramFigure", fig);
    assert.deepEqual(fig.data[0].x, [0.5, 1.5, 2.5]);
    assert.deepEqual(fig.data[0].y, [1, 1, 2]);
    assert.deepEqual(fig.data[1].y, [0, 2, 1]);
  });

  it("counts every one of a million parameters", () => {
    const values = Float64Array.from({ length: 1e6 }, (_, i) => 1 + (i % 1000));
    const fig = accumulatorHistogramFigure([{ name: "all", values }]);
    assert.equal(
      (fig.data[0].y as number[]).reduce((s, v) => s + v, 0),
      1e6,
    );
  });

  it("throws when no value is positive on a log scale", () => {
    assert.throws(() => accumulatorHistogramFigure({ zeros: [0, 0] }), /no finite positive values/);
  });
});
