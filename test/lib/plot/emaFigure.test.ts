import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { emaFigure } from "../../../lib/src/plot/emaFigure";
import { matchSnapshot } from "./snapshot";

describe("emaFigure", () => {
  it("draws data and EMAs for two rhos (snapshot)", () => {
    matchSnapshot("emaFigure", emaFigure([1, 2, 3, 2, 5], { rhos: [0.5, 0.9], start: "first" }));
  });

  it("with rho 0.5 started at V_1 = s_1, [1, 2, 3, 2, 5] averages to 1, 1.5, 2.25, 2.125, 3.5625", () => {
    const fig = emaFigure([1, 2, 3, 2, 5], { rhos: [0.5], start: "first" });
    assert.deepEqual(fig.data[1].y, [1, 1.5, 2.25, 2.125, 3.5625]);
  });

  it("bias correction of a zero-started EMA of a constant gives the constant", () => {
    const fig = emaFigure([3, 3, 3], { rhos: [0.9], biasCorrection: true });
    assert.deepEqual(fig.data[1].y, [3, 3, 3]);
  });

  it("throws naming a rho of 1", () => {
    assert.throws(() => emaFigure([1], { rhos: [0.5, 1] }), /Invalid rho value at index 1: 1/);
  });
});
