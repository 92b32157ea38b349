import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { downsampleMinMax } from "../../../lib/src/plot/downsampleMinMax";

describe("downsampleMinMax", () => {
  it("keeps the min and max of each bucket in order", () => {
    const d = downsampleMinMax([0, 1, 2, 3, 4, 5, 6, 7], [5, 1, 7, 2, 0, 0, 9, 3], 2);
    assert.deepEqual(Array.from(d.x), [1, 2, 4, 6]);
    assert.deepEqual(Array.from(d.y), [1, 7, 0, 9]);
  });

  it("copies series of at most 2 · buckets points whole", () => {
    assert.deepEqual(Array.from(downsampleMinMax([0, 1, 2], [3, 4, 5], 2).y), [3, 4, 5]);
  });

  it("throws on mismatched lengths", () => {
    assert.throws(() => downsampleMinMax([0, 1], [1], 1), /Mismatched lengths for x and y: 2 and 1/);
  });
});
