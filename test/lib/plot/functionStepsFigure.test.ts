import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { functionStepsFigure } from "../../../lib/src/plot/functionStepsFigure";
import { matchSnapshot } from "./snapshot";

/** Gradient descent on x^2 from 70: x_{t+1} = x_t - lr * 2 x_t. */
function gd(lr: number, steps: number): number[] {
  const xs = [70];
  for (let t = 0; t < steps; t++) xs.push(xs[t] - lr * 2 * xs[t]);
  return xs;
}

describe("functionStepsFigure", () => {
  it("draws x^2 from 70 with lr too small, right and too large side by side (snapshot)", () => {
    const fig = functionStepsFigure(
      (x) => x * x,
      [0.1, 0.5, 1.05].map((lr) => ({ title: `lr = ${lr}`, iterates: gd(lr, 4) })),
      { samples: 5 },
    );
    matchSnapshot("functionStepsFigure", fig);
    assert.deepEqual((fig.layout.grid as { columns: number }).columns, 3);
    assert.deepEqual(fig.data[1].y, [4900, 3136, 2007.04, 1284.51, 822.084]);
  });

  it("throws on a panel without iterates", () => {
    assert.throws(
      () => functionStepsFigure((x) => x, [{ title: "empty", iterates: [] }]),
      /panel "empty": no iterates/,
    );
  });
});
