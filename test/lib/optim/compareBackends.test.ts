import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { compareBackends } from "../../../lib/src/optim/compareBackends";
import { fastOptimizerBackends } from "../../../lib/src/optim/fastOptimizer";

describe("compareBackends", () => {
  it("times every backend that runs here, the readable loop first, and finds them bit-identical", () => {
    const rows = compareBackends("Adam", { lr: 1e-3, weightDecay: 0.01 }, { n: 10_001, steps: 5 });
    const here = fastOptimizerBackends();
    assert.deepEqual(rows.map((r) => r.backend).sort(), [...here].sort());
    assert.equal(rows[0].backend, "js");
    for (const r of rows) {
      assert.equal(r.mismatches, 0, r.backend);
      assert.equal(r.maxAbsDifference, 0, r.backend);
      assert.ok(r.msPerStep > 0 && Number.isFinite(r.msPerStep), `${r.backend}: ${r.msPerStep}`);
    }
  });

  it("bad settings are rejected, naming the value", () => {
    assert.throws(() => compareBackends("Adam", {}, { n: 1.5 }), /Invalid number of parameters: 1.5/);
    assert.throws(() => compareBackends("Adam", {}, { steps: 0 }), /Invalid steps: 0/);
    assert.throws(() => compareBackends("Adam", { lr: -1 }, { n: 4 }), /Invalid learning rate: -1/);
  });
});
