import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { noisyLossFigure } from "../../../lib/src/plot/noisyLossFigure";
import { seeded } from "../../../lib/src/core/random";
import { matchSnapshot } from "./snapshot";

describe("noisyLossFigure", () => {
  it("draws noisy losses and their moving average (snapshot)", () => {
    const rng = seeded(1);
    const losses = Float64Array.from({ length: 40 }, (_, i) => 1 / (1 + i) + 0.1 * rng.uniform());
    matchSnapshot("noisyLossFigure", noisyLossFigure(losses, { window: 5 }));
  });

  it("the moving average of [1, 2, 3, 4] over 2 steps is 1, 1.5, 2.5, 3.5", () => {
    const fig = noisyLossFigure([1, 2, 3, 4], { window: 2 });
    assert.deepEqual(fig.data[1].y, [1, 1.5, 2.5, 3.5]);
  });

  it("keeps 120,000 steps under 2 · maxPoints drawn points in all", () => {
    const rng = seeded(2);
    const losses = Float64Array.from({ length: 120000 }, () => rng.uniform());
    const fig = noisyLossFigure(losses, { maxPoints: 2000 });
    const drawn = (fig.data[0].x as number[]).length + (fig.data[1].x as number[]).length;
    assert.ok(drawn <= 4000, `drew ${drawn} points`);
  });

  it("every: 100 keeps every 100th raw loss", () => {
    const fig = noisyLossFigure(
      Float64Array.from({ length: 1000 }, (_, i) => i),
      { every: 100 },
    );
    assert.deepEqual(fig.data[0].x, [0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });

  it("throws on a window of 0", () => {
    assert.throws(() => noisyLossFigure([1, 2], { window: 0 }), /Invalid moving-average window: 0/);
  });
});
