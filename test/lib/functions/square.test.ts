import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { square } from "../../../lib/src/functions/square";

describe("square", () => {
  it("square sums x_i^2 over any number of coordinates", () => {
    assert.equal(square.f(Float64Array.of(6, 9)), 117);
    assert.equal(square.f(Float64Array.of(70)), 4900);
  });

  it("square's gradient at 70 is 140, and SGD with lr 0.1 gives 56, 44.8, 35.84 (SYLLABUS §1)", () => {
    const x = Float64Array.of(70);
    const g = new Float64Array(1);
    assert.equal(square.grad(x, g), g);
    assert.equal(g[0], 140);
    const xs = [];
    for (let t = 0; t < 3; t++) {
      x[0] -= 0.1 * square.grad(x, g)[0];
      xs.push(x[0]);
    }
    assert.deepEqual(
      xs.map((v) => +v.toFixed(10)),
      [56, 44.8, 35.84],
    );
  });

  it("square's Hessian is 2I in any dimension", () => {
    assert.deepEqual([...square.hessian!(new Float64Array(2), new Float64Array(4))], [2, 0, 0, 2]);
  });

  it("square throws on an empty point", () => {
    assert.throws(
      () => square.f(new Float64Array(0)),
      /square expects a point with at least 1 coordinate, got 0/,
    );
  });
});
