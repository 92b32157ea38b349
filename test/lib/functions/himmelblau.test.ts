import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { himmelblau } from "../../../lib/src/functions/himmelblau";

describe("himmelblau", () => {
  it("himmelblau's four listed minima have value 0 and zero gradient (to 1e-12)", () => {
    const g = new Float64Array(2);
    assert.equal(himmelblau.minima!.length, 4);
    for (const m of himmelblau.minima!) {
      assert.ok(himmelblau.f(Float64Array.from(m)) < 1e-20);
      himmelblau.grad(Float64Array.from(m), g);
      assert.ok(Math.abs(g[0]) < 1e-12 && Math.abs(g[1]) < 1e-12, `${m}: ${g}`);
    }
  });

  it("himmelblau's gradient at the origin is (2·(-7), 2·(-11)) = (-14, -22)", () => {
    assert.deepEqual([...himmelblau.grad(Float64Array.of(0, 0), new Float64Array(2))], [-14, -22]);
  });
});
