/**
 * The golden replay: the library must reproduce torch.optim 1.13's float64 trajectories and schedules to
 * 1e-10 (relative error |a - b| / max(1, |b|), golden/FORMAT.md). torch-visible.json is read from
 * shared/golden beside the checkout when present (CI), else from the copy in test/fixtures/golden; the
 * other fixtures come from scripts/golden-make.py (every optimizer option, test function and scheduler).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { functionByName, GOLDEN_FUNCTION_NAMES, replayGolden, schedulerByName } from "@dlopt/lib";

const repoRoot = path.resolve(__dirname, "..", "..");
const fixtures = path.join(repoRoot, "test", "fixtures", "golden");
const shared = path.resolve(repoRoot, "..", "shared", "golden");
const visible = fs.existsSync(path.join(shared, "torch-visible.json"))
  ? path.join(shared, "torch-visible.json")
  : path.join(fixtures, "torch-visible.json");

function replay(file: string) {
  const doc: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  return replayGolden(doc, { functionByName, schedulerByName }, { file });
}

describe("golden replay against torch.optim 1.13", () => {
  it(`torch-visible.json (${path.relative(repoRoot, visible)}) replays every case and schedule within 1e-10`, () => {
    const report = replay(visible);
    assert.ok(report.cases >= 18 && report.schedules >= 4);
    const failures = report.results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.message}`);
    assert.deepEqual(failures, []);
    assert.ok(report.maxError <= 1e-10, `max error ${report.maxError}`);
  });

  it(
    "the committed copy of torch-visible.json is the shared one",
    {
      skip:
        visible === path.join(fixtures, "torch-visible.json") &&
        `no ${path.join(shared, "torch-visible.json")}: the shared golden files, beside the repository as ../shared/golden, are compared with the copy when present`,
    },
    () => {
      assert.equal(
        fs.readFileSync(path.join(fixtures, "torch-visible.json"), "utf8"),
        fs.readFileSync(visible, "utf8"),
      );
    },
  );

  for (const name of fs
    .readdirSync(fixtures)
    .filter((f) => f.endsWith(".json") && f !== "torch-visible.json")
    .sort()) {
    it(`${name} replays every case and schedule within 1e-10`, () => {
      const report = replay(path.join(fixtures, name));
      assert.ok(report.cases + report.schedules > 0);
      const failures = report.results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.message}`);
      assert.deepEqual(failures, []);
    });
  }

  it("the fixtures cover every optimizer, test function and scheduler of FORMAT.md", () => {
    const docs = fs
      .readdirSync(fixtures)
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(fs.readFileSync(path.join(fixtures, f), "utf8")));
    const cases = docs.flatMap((d) => d.cases ?? []);
    const optimizers = new Set(cases.map((c: { optimizer: string }) => c.optimizer));
    const functions = new Set(cases.map((c: { function: string }) => c.function));
    const schedulers = new Set(
      docs.flatMap((d) => d.schedules ?? []).map((s: { scheduler: string }) => s.scheduler),
    );
    for (const o of ["SGD", "Adagrad", "RMSprop", "Adadelta", "Adam", "AdamW", "Adamax", "NAdam", "RAdam"]) {
      assert.ok(optimizers.has(o), o);
    }
    for (const f of GOLDEN_FUNCTION_NAMES) assert.ok(functions.has(f), f);
    for (const s of ["StepLR", "ExponentialLR", "MultiStepLR", "CosineAnnealingLR", "LinearLR"])
      assert.ok(schedulers.has(s), s);
    const options = new Set(
      cases.flatMap((c: { optimizer: string; options: object }) =>
        Object.keys(c.options).map((k) => `${c.optimizer}.${k}`),
      ),
    );
    for (const o of [
      "SGD.maximize",
      "SGD.weight_decay",
      "SGD.nesterov",
      "SGD.dampening",
      "SGD.momentum",
      "Adagrad.lr_decay",
      "Adagrad.initial_accumulator_value",
      "Adagrad.weight_decay",
      "Adagrad.eps",
      "Adagrad.maximize",
      "RMSprop.centered",
      "RMSprop.momentum",
      "RMSprop.alpha",
      "RMSprop.weight_decay",
      "RMSprop.maximize",
      "Adadelta.rho",
      "Adadelta.eps",
      "Adadelta.weight_decay",
      "Adadelta.maximize",
      "Adam.amsgrad",
      "Adam.maximize",
      "Adam.weight_decay",
      "Adam.betas",
      "Adam.eps",
      "AdamW.amsgrad",
      "AdamW.maximize",
      "AdamW.weight_decay",
      "AdamW.betas",
      "Adamax.betas",
      "Adamax.weight_decay",
      "Adamax.eps",
      "NAdam.momentum_decay",
      "NAdam.weight_decay",
      "NAdam.betas",
      "NAdam.eps",
      "RAdam.betas",
      "RAdam.weight_decay",
      "RAdam.eps",
    ]) {
      assert.ok(options.has(o), o);
    }
  });
});
