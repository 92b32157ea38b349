import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { beale } from "../../../lib/src/functions/beale";

describe("beale", () => {
  it("beale is 0 with zero gradient at (3, 0.5)", () => {
    assert.equal(beale.f(Float64Array.of(3, 0.5)), 0);
    assert.deepEqual([...beale.grad(Float64Array.of(3, 0.5), new Float64Array(2))].map(Math.abs), [0, 0]);
  });

  it("beale at (1, 1): terms 1.5, 2.25, 2.625, gradient (0, 2(1.5 + 4.5 + 7.875)) = (0, 27.75)", () => {
    assert.equal(beale.f(Float64Array.of(1, 1)), 1.5 ** 2 + 2.25 ** 2 + 2.625 ** 2);
    assert.deepEqual([...beale.grad(Float64Array.of(1, 1), new Float64Array(2))], [0, 27.75]);
  });
});
