import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { tiltedDoubleWell } from "../../../lib/src/functions/tiltedDoubleWell";

/** The slides' momentum: v = m v - lr f'(x); x = x + v (m = 0 is plain gradient descent). */
function ball(x0: number, lr: number, m: number, steps: number): number {
  const x = Float64Array.of(x0);
  const g = new Float64Array(1);
  let v = 0;
  for (let t = 0; t < steps; t++) {
    v = m * v - lr * tiltedDoubleWell.grad(x, g)[0];
    x[0] += v;
  }
  return x[0];
}

describe("tiltedDoubleWell", () => {
  it("the listed minima solve x^3 - 6x - 3 = 0; the one near 2.669 is lower than the one near -2.145", () => {
    const [global, local] = tiltedDoubleWell.minima!;
    for (const [m] of [global, local]) assert.ok(Math.abs(m ** 3 - 6 * m - 3) < 1e-12);
    assert.ok(tiltedDoubleWell.f(Float64Array.from(global)) < tiltedDoubleWell.f(Float64Array.from(local)));
  });

  it("from x0 = -3.2 with lr 0.1, gradient descent stops in the local minimum; momentum 0.9 rolls on to the global one", () => {
    assert.ok(Math.abs(ball(-3.2, 0.1, 0, 500) - tiltedDoubleWell.minima![1][0]) < 1e-6);
    assert.ok(Math.abs(ball(-3.2, 0.1, 0.9, 500) - tiltedDoubleWell.minima![0][0]) < 1e-6);
  });
});
