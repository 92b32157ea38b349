import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { joinSchedules } from "../../../lib/src/schedules/joinSchedules";

describe("joinSchedules", () => {
  it("joinSchedules restarts each schedule from its own step 0 at its boundary", () => {
    const s = joinSchedules([() => 1, (t) => 10 + t, (t) => 100 + t], [2, 5]);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map(s), [1, 1, 10, 11, 12, 100, 101]);
  });

  it("joinSchedules checks that there is one boundary fewer than schedules, increasing", () => {
    assert.throws(() => joinSchedules([() => 1, () => 2], []), /2 schedules need 1 boundaries, got 0/);
    assert.throws(() => joinSchedules([() => 1, () => 2, () => 3], [5, 3]), /Invalid boundary at index 1: 3/);
  });
});
