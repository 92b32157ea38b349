import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { financeAlpha } from "../../../lib/src/averages/financeAlpha";

describe("financeAlpha", () => {
  it("financeAlpha(n) is 2 / (n + 1): 19 periods give alpha 0.1, rho 0.9", () => {
    assert.equal(financeAlpha(19), 0.1);
    assert.equal(financeAlpha(1), 1);
  });

  it("financeAlpha throws on a window of 0", () => {
    assert.throws(() => financeAlpha(0), /Invalid window: 0/);
  });
});
