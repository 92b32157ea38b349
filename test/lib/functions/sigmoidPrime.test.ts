import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sigmoidPrime } from "../../../lib/src/functions/sigmoidPrime";

describe("sigmoidPrime", () => {
  it("sigmoid'(0) = 0.25 is its maximum", () => {
    assert.equal(sigmoidPrime(0), 0.25);
    for (let x = -10; x <= 10; x += 0.01) assert.ok(sigmoidPrime(x) <= 0.25);
  });

  it("sigmoid' < 0.05 for |x| > ~4 (in fact from |x| > 2.887): vanishing gradients (SYLLABUS §0)", () => {
    assert.ok(sigmoidPrime(4) < 0.05 && sigmoidPrime(-4) < 0.05);
    assert.equal(sigmoidPrime(4).toFixed(4), "0.0177");
    assert.ok(sigmoidPrime(2.88) > 0.05 && sigmoidPrime(2.89) < 0.05);
  });

  it("sigmoid' is 0, not NaN, far out", () => {
    assert.equal(sigmoidPrime(-1000), 0);
    assert.equal(sigmoidPrime(1000), 0);
  });
});
