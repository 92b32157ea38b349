import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { effectiveWindow } from "../../../lib/src/averages/effectiveWindow";

describe("effectiveWindow", () => {
  it("effectiveWindow is 1 / (1 - rho): about 10 for 0.9, 50 for 0.98, 1000 for 0.999", () => {
    assert.ok(Math.abs(effectiveWindow(0.9) - 10) < 1e-12);
    assert.ok(Math.abs(effectiveWindow(0.98) - 50) < 1e-10);
    assert.ok(Math.abs(effectiveWindow(0.999) - 1000) < 1e-9);
  });
});
