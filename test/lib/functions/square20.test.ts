import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { square20 } from "../../../lib/src/functions/square20";

describe("square20", () => {
  it("square20 with lr 0.1 from 2 diverges: 2, -6, 18, -54, 162 with gradients 80, -240, 720, -2160", () => {
    const x = Float64Array.of(2);
    const g = new Float64Array(1);
    const xs = [2];
    const gs = [];
    for (let t = 0; t < 4; t++) {
      gs.push(square20.grad(x, g)[0]);
      x[0] -= 0.1 * g[0];
      xs.push(x[0]);
    }
    assert.deepEqual(
      xs.map((v) => +v.toFixed(9)),
      [2, -6, 18, -54, 162],
    );
    assert.deepEqual(
      gs.map((v) => +v.toFixed(9)),
      [80, -240, 720, -2160],
    );
  });

  it("square20's Hessian is 40I", () => {
    assert.deepEqual([...square20.hessian!(new Float64Array(1), new Float64Array(1))], [40]);
  });
});
