import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sampleSchedule } from "../../../lib/src/schedules/sampleSchedule";
import { stepLR } from "../../../lib/src/schedules/stepLR";

describe("sampleSchedule", () => {
  it("sampleSchedule(s, n) lists s(0) ... s(n-1)", () => {
    assert.deepEqual(
      [...sampleSchedule(stepLR(0.2, { stepSize: 2, gamma: 0.5 }), 5)],
      [0.2, 0.2, 0.1, 0.1, 0.05],
    );
  });

  it("sampleSchedule writes into and returns the output array", () => {
    const out = new Float64Array(4);
    assert.equal(
      sampleSchedule(() => 1, 3, out),
      out,
    );
    assert.deepEqual([...out], [1, 1, 1, 0]);
  });

  it("sampleSchedule of 0 steps is empty", () => {
    assert.equal(sampleSchedule(() => 1, 0).length, 0);
  });
});
