import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { multiStepLR } from "../../../lib/src/schedules/multiStepLR";

describe("multiStepLR", () => {
  it("multiStepLR(0.1, [5, 20, 30]) multiplies by 0.1 at each milestone, as torch does (0.1·0.1 = 0.010000000000000002)", () => {
    const s = multiStepLR(0.1, { milestones: [5, 20, 30], gamma: 0.1 });
    assert.deepEqual(
      [s(4), s(5), s(19), s(20)],
      [0.1, 0.010000000000000002, 0.010000000000000002, 0.0010000000000000002],
    );
  });

  it("a milestone listed twice multiplies by gamma squared", () => {
    const s = multiStepLR(1, { milestones: [2, 2], gamma: 0.5 });
    assert.deepEqual([s(1), s(2), s(3)], [1, 0.25, 0.25]);
  });

  it("multiStepLR throws on a negative or fractional milestone, naming its index", () => {
    assert.throws(() => multiStepLR(0.1, { milestones: [3, -1] }), /Invalid milestone at index 1: -1/);
  });
});
