import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { exponentialLR } from "../../../lib/src/schedules/exponentialLR";

describe("exponentialLR", () => {
  it("exponentialLR accumulates one multiplication per step, as torch: 0.2, 0.19, 0.1805, 0.171475, 0.16290124999999997", () => {
    const s = exponentialLR(0.2, { gamma: 0.95 });
    assert.deepEqual([0, 1, 2, 3, 4].map(s), [0.2, 0.19, 0.1805, 0.171475, 0.16290124999999997]);
  });

  it("exponentialLR requires gamma", () => {
    assert.throws(
      () => exponentialLR(0.2, {} as { gamma: number }),
      /Missing option for ExponentialLR: gamma/,
    );
  });
});
