import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { biasCorrect } from "../../../lib/src/averages/biasCorrect";

describe("biasCorrect", () => {
  it("biasCorrect turns V1 = (1 - rho) s1 back into s1", () => {
    assert.ok(Math.abs(biasCorrect(0.001 * 5, 0.999, 1) - 5) < 1e-12);
  });

  it("biasCorrect needs t >= 1", () => {
    assert.throws(() => biasCorrect(1, 0.9, 0), /Invalid step t: 0/);
  });
});
