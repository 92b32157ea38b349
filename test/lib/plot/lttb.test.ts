import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { lttb } from "../../../lib/src/plot/lttb";

describe("lttb", () => {
  it("keeps the first point, the last point and the peak", () => {
    const d = lttb([0, 1, 2, 3, 4], [0, 5, 0, 0, 0], 3);
    assert.deepEqual(Array.from(d.x), [0, 1, 4]);
    assert.deepEqual(Array.from(d.y), [0, 5, 0]);
  });

  it("returns exactly threshold points of a long series", () => {
    const n = 100000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 1000));
    assert.equal(lttb(x, y, 500).x.length, 500);
  });

  it("throws on a threshold under 3", () => {
    assert.throws(() => lttb([0, 1, 2, 3], [0, 1, 2, 3], 2), /Invalid LTTB threshold: 2/);
  });
});
