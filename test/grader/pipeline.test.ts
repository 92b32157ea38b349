import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { AUTOGRADE, EXPECTATIONS } from "../../grader/autograde";
import { checkOrder, runPipelineSync, type Step } from "../../grader/pipeline";
import { GENERATE } from "../../grader/release";

describe("the grader's pipelines", () => {
  it("GENERATE (release), EXPECTATIONS and AUTOGRADE (grade) respect every ordering rule their steps declare", () => {
    assert.deepEqual(checkOrder(GENERATE), []);
    assert.deepEqual(checkOrder(EXPECTATIONS), []);
    assert.deepEqual(checkOrder(AUTOGRADE), []);
  });

  it("every step a rule names is in the pipeline, so no rule is silently void", () => {
    for (const steps of [GENERATE, EXPECTATIONS, AUTOGRADE] as Step<unknown>[][]) {
      const names = new Set(steps.map((s) => s.name));
      for (const s of steps) for (const a of s.after ?? []) assert.ok(names.has(a), `${s.name} after ${a}`);
    }
  });

  it("checkOrder reports a step placed before one it must follow, and a step listed twice", () => {
    const a: Step<unknown> = { name: "a", run: (nb) => nb };
    const b: Step<unknown> = { name: "b", after: ["a"], run: (nb) => nb };
    assert.deepEqual(checkOrder([b, a]), ['step "b" must come after "a"']);
    assert.deepEqual(checkOrder([a, a]), ['step "a" is listed twice']);
  });

  it("running a pipeline out of order throws before any step runs", () => {
    let ran = false;
    const a: Step<unknown> = { name: "a", run: (nb) => ((ran = true), nb) };
    const b: Step<unknown> = { name: "b", after: ["a"], run: (nb) => nb };
    assert.throws(
      () => runPipelineSync([b, a], { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] }, {}),
      /out of order/,
    );
    assert.equal(ran, false);
  });
});
