import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { emaWeightsFigure } from "../../../lib/src/plot/emaWeightsFigure";
import { matchSnapshot } from "./snapshot";

describe("emaWeightsFigure", () => {
  it("draws the weights (1 - rho) rho^k as grouped bars (snapshot)", () => {
    const fig = emaWeightsFigure([0.5, 0.9], { lags: 5 });
    matchSnapshot("emaWeightsFigure", fig);
    assert.deepEqual(fig.data[0].y, [0.5, 0.25, 0.125, 0.0625, 0.03125]);
  });
});
