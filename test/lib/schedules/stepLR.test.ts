import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { stepLR } from "../../../lib/src/schedules/stepLR";

describe("stepLR", () => {
  it("stepLR(0.2, stepSize 10, gamma 0.5) is 0.2 for steps 0-9, 0.1 for 10-19, 0.05 from 20", () => {
    const s = stepLR(0.2, { stepSize: 10, gamma: 0.5 });
    assert.deepEqual([s(0), s(9), s(10), s(19), s(20)], [0.2, 0.2, 0.1, 0.1, 0.05]);
  });

  it("stepLR gives the same value on repeated and out-of-order calls (a pure function of t)", () => {
    const s = stepLR(1, { stepSize: 3, gamma: 0.3 });
    const late = s(40);
    assert.equal(s(5), 0.3);
    assert.equal(s(40), late);
  });

  it("stepLR throws on a bad stepSize, gamma or step", () => {
    assert.throws(() => stepLR(0.1, { stepSize: 0 }), /Invalid stepSize: 0/);
    assert.throws(() => stepLR(0.1, { stepSize: 2, gamma: -1 }), /Invalid gamma: -1/);
    assert.throws(() => stepLR(0.1, { stepSize: 2 })(-1), /Invalid step: -1/);
    assert.throws(() => stepLR(0.1, { stepSize: 2 })(1.5), /Invalid step: 1.5/);
  });
});
