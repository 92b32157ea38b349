import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { scaledSquare } from "../../../lib/src/functions/scaledSquare";

function sgd(c: number, x0: number, lr: number, steps: number): number[] {
  const fn = scaledSquare(c);
  const x = Float64Array.of(x0);
  const g = new Float64Array(1);
  const xs = [x0];
  for (let t = 0; t < steps; t++) {
    x[0] -= lr * fn.grad(x, g)[0];
    xs.push(x[0]);
  }
  return xs;
}

describe("scaledSquare", () => {
  it("9x^2 from 70 with lr 0.1 oscillates: 70, -56, 44.8, -35.84, 28.672 (f'(70) = 1260)", () => {
    assert.deepEqual(
      sgd(9, 70, 0.1, 4).map((v) => +v.toFixed(9)),
      [70, -56, 44.8, -35.84, 28.672],
    );
    assert.equal(scaledSquare(9).grad(Float64Array.of(70), new Float64Array(1))[0], 1260);
  });

  it("20x^2 from 2 with lr 0.1 diverges: 2, -6, 18, -54, 162", () => {
    assert.deepEqual(
      sgd(20, 2, 0.1, 4).map((v) => +v.toFixed(9)),
      [2, -6, 18, -54, 162],
    );
  });

  it("scaledSquare names itself square<c> and refuses c <= 0", () => {
    assert.equal(scaledSquare(9).name, "square9");
    assert.equal(scaledSquare(1).name, "square");
    assert.throws(() => scaledSquare(0), /Invalid curvature factor c: 0/);
  });
});
