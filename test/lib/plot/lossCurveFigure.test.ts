import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { lossCurveFigure } from "../../../lib/src/plot/lossCurveFigure";
import { matchSnapshot } from "./snapshot";

describe("lossCurveFigure", () => {
  it("draws two runs' losses on a log axis (snapshot)", () => {
    const fig = lossCurveFigure(
      { SGD: [4, 2, 1, 0.5], Adam: [4, 1, 0.25, 0.0625] },
      { log: true, title: "losses" },
    );
    matchSnapshot("lossCurveFigure", fig);
    assert.equal((fig.layout.yaxis as { type: string }).type, "log");
  });

  it("downsamples 100k points to at most maxPoints, keeping the extremes", () => {
    const y = new Float64Array(100000).fill(1);
    y[54321] = 7;
    y[99] = -3;
    const fig = lossCurveFigure([{ name: "long", y }], { maxPoints: 1000 });
    const ys = fig.data[0].y as number[];
    assert.ok(ys.length <= 1000);
    assert.equal(Math.max(...ys), 7);
    assert.equal(Math.min(...ys), -3);
  });

  it("throws naming an empty series", () => {
    assert.throws(() => lossCurveFigure({ empty: [] }), /Invalid series "empty": empty/);
  });
});
