import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { squareRootSchedule } from "../../../lib/src/schedules/squareRootSchedule";

describe("squareRootSchedule", () => {
  it("squareRootSchedule(0.1) is 0.1 (t + 1)^-1/2: 0.1, 0.05 at t = 3, 0.01 at t = 99", () => {
    const s = squareRootSchedule(0.1);
    assert.deepEqual([s(0), s(3)], [0.1, 0.05]);
    assert.ok(Math.abs(s(99) - 0.01) < 1e-17);
  });
});
