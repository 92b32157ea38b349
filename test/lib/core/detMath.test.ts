import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { detMath } from "../../../lib/src/core/detMath";

describe("detMath", () => {
  it("computes the elementary functions (values to the last bit, the same on every engine)", () => {
    assert.equal(detMath.exp(0), 1);
    assert.equal(detMath.exp(1), 2.7182818284590455); // fdlibm's; Node 20's Math.exp(1) gives Math.E, 1 ulp below
    assert.equal(detMath.log(Math.E), 1);
    assert.equal(detMath.log1p(1e-20), 1e-20);
    assert.equal(detMath.log10(1000), 3);
    assert.equal(detMath.sin(0), 0);
    assert.equal(detMath.cos(0), 1);
    assert.equal(detMath.atan2(1, 1), Math.PI / 4);
    assert.equal(detMath.cbrt(-27), -3);
    assert.equal(detMath.pow(2, 10), 1024);
    assert.equal(detMath.pow(0.5, 3), 0.125);
    assert.equal(1 - detMath.pow(0.9, 2), 0.18999999999999995); // Adam's bias correction at t = 2
  });

  it("keeps JavaScript's special cases of pow, where C's pow (stdlib's) differs", () => {
    const cases: [number, number][] = [
      [NaN, 0],
      [NaN, -0],
      [-Infinity, 0.5],
      [-0, 0.5],
      [-0, -3],
      [0, -1],
      [1, Infinity],
      [-1, -Infinity],
      [1, NaN],
      [Infinity, -2],
      [-Infinity, 3],
      [0.5, Infinity],
      [-8, 1 / 3],
    ];
    for (const [x, y] of cases) {
      // ECMAScript specifies these results of Math.pow exactly
      assert.ok(Object.is(detMath.pow(x, y), Math.pow(x, y)), `pow(${x}, ${y}) = ${detMath.pow(x, y)}`);
    }
  });

  it("is frozen: a lesson cannot swap a function for the engine's", () => {
    assert.ok(Object.isFrozen(detMath));
  });
});
