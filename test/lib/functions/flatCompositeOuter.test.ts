import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { flatCompositeOuter } from "../../../lib/src/functions/flatCompositeOuter";
import { flatComposite } from "../../../lib/src/functions/flatComposite";

describe("flatCompositeOuter", () => {
  it("g(u) = (u - 1)^2 composed with f(x) = (x - 1)^3 gives flatComposite", () => {
    for (const x of [-0.5, 0, 1, 1.7, 3]) {
      const u = (x - 1) ** 3;
      assert.equal(flatCompositeOuter.f(Float64Array.of(u)), flatComposite.f(Float64Array.of(x)));
    }
  });

  it("g's slope 2(x - 1) vanishes only at its centre 1", () => {
    assert.equal(flatCompositeOuter.grad(Float64Array.of(3), new Float64Array(1))[0], 4);
    assert.equal(flatCompositeOuter.grad(Float64Array.of(1), new Float64Array(1))[0], 0);
  });
});
