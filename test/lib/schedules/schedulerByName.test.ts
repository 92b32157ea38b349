import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { schedulerByName, SCHEDULER_NAMES } from "../../../lib/src/schedules/schedulerByName";
import { sampleSchedule } from "../../../lib/src/schedules/sampleSchedule";
import { noGoldenFile } from "../../support/optional";

interface GoldenSchedule {
  id: string;
  scheduler: string;
  lr: number;
  options: Record<string, unknown>;
  steps: number;
  lrs: number[];
}

// The torch golden file: a copy is kept in test/fixtures/golden/; GOLDEN_FILE may point at another.
const goldenPath =
  process.env.GOLDEN_FILE ?? path.resolve(__dirname, "..", "..", "fixtures", "golden", "torch-visible.json");
const golden = existsSync(goldenPath)
  ? (JSON.parse(readFileSync(goldenPath, "utf8")) as { schedules: GoldenSchedule[] })
  : undefined;

/** torch's snake_case keyword arguments to the library's camelCase (T_max -> tMax, step_size -> stepSize). */
function camel(options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    const key = k === "T_max" ? "tMax" : k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    out[key] = v;
  }
  return out;
}

describe("schedulerByName", () => {
  it(
    "every golden schedule replays to 1e-10 (|a - b| / max(1, |b|))",
    { skip: !golden && noGoldenFile(goldenPath) },
    () => {
      for (const g of golden?.schedules ?? []) {
        const lrs = sampleSchedule(schedulerByName(g.scheduler, g.lr, camel(g.options)), g.steps);
        for (let t = 0; t < g.steps; t++) {
          const err = Math.abs(lrs[t] - g.lrs[t]) / Math.max(1, Math.abs(g.lrs[t]));
          assert.ok(err <= 1e-10, `${g.id} t=${t}: ${lrs[t]} vs torch ${g.lrs[t]}`);
        }
      }
    },
  );

  it("the golden cosine is 0.001 at t = 20 and rises again to 0.00161 at t = 21", () => {
    const s = schedulerByName("CosineAnnealingLR", 0.1, { tMax: 20, etaMin: 0.001 });
    assert.ok(Math.abs(s(20) - 0.001) < 1e-15);
    assert.equal(+s(21).toFixed(5), 0.00161);
  });

  it("schedulerByName fills torch's defaults (StepLR gamma 0.1; LinearLR 1/3, 1, 5)", () => {
    assert.ok(Math.abs(schedulerByName("StepLR", 1, { stepSize: 2 })(2) - 0.1) < 1e-15);
    const lin = schedulerByName("LinearLR", 0.3);
    assert.ok(Math.abs(lin(0) - 0.1) < 1e-15);
    assert.ok(Math.abs(lin(5) - 0.3) < 1e-15);
  });

  it("an unknown scheduler or option throws, naming it", () => {
    assert.throws(() => schedulerByName("CosineLR", 0.1), /Unknown scheduler: CosineLR \(known: StepLR/);
    assert.throws(
      () => schedulerByName("StepLR", 0.1, { step_size: 3 }),
      /StepLR got an unexpected option: step_size \(expected one of stepSize, gamma\)/,
    );
    assert.throws(() => schedulerByName("StepLR", -0.1, { stepSize: 3 }), /Invalid learning rate: -0.1/);
    assert.equal(SCHEDULER_NAMES.length, 5);
  });
});

describe("schedulerByName's required options", () => {
  it("a missing required option throws, naming it", () => {
    assert.throws(() => schedulerByName("ExponentialLR", 0.2), /Missing option for ExponentialLR: gamma/);
    assert.throws(() => schedulerByName("StepLR", 0.2), /Missing option for StepLR: stepSize/);
    assert.throws(() => schedulerByName("MultiStepLR", 0.2), /Missing option for MultiStepLR: milestones/);
    assert.throws(
      () => schedulerByName("CosineAnnealingLR", 0.2),
      /Missing option for CosineAnnealingLR: tMax/,
    );
  });
});
