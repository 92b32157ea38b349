import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { encodeValue } from "@dlopt/lib";
import { AUTOGRADE, EXPECTATIONS } from "../../grader/autograde";
import { markOf } from "../../grader/steps/cellMark";
import type { CellRun, ExecutePlan, Expectations, GradeContext, RunResult } from "../../grader/context";
import { cloneNotebook, sourceOf, type Notebook } from "../../jupyter/notebook";
import { runPipeline } from "../../grader/pipeline";
import { CLIP_OK, EMA_OK, instructorNotebook, releasedNotebook } from "./fixtures/submissions";

/** What the fake kernel "computes" for each case: the right answers of the fixture. */
const RIGHT: Record<string, unknown> = {
  "rho 0.5 on 3 8 6": new Float64Array([3, 5.5, 5.75]),
  "rho 0 copies the input": new Float64Array([1, -2, 4]),
  "rho 0.75 on 2 4 8": new Float64Array([2, 2.5, 3.875]),
  "3 4 clipped to norm 1": new Float64Array([0.6, 0.8]),
  "0.3 0.4 is left alone": new Float64Array([0.3, 0.4]),
  "zero stays zero": new Float64Array([0, 0]),
  "6 8 clipped to norm 5": new Float64Array([3, 4]),
  "the input is not modified": new Float64Array([3, 4]),
};

interface Fake {
  /** name → value the learner's code gives (default RIGHT), or an Error it throws. */
  actual?: Record<string, unknown>;
  /** cell key → status forced. */
  status?: Record<string, CellRun["status"]>;
  /** send each record twice */
  duplicate?: boolean;
  plans?: ExecutePlan[];
}

/** A kernel that records each case of a rewritten test cell without running anything. */
function fakeExecutor(f: Fake) {
  return async (plan: ExecutePlan): Promise<RunResult> => {
    f.plans?.push(plan);
    const cells = plan.cells.map((c): CellRun => {
      const status = f.status?.[c.key] ?? "ok";
      const records: unknown[] = [];
      if (c.nonce && status === "ok") {
        const question = /dlopt\$recordCheck\("[^"]+", "([^"]+)"/.exec(c.source)![1];
        const trusted = /\(\) => \(0|\(\) => \(1e-1/.test(c.source);
        const names = [...c.source.matchAll(/^ {2}\["([^"]+)"/gm)].map((m) => m[1]);
        const outcome = (v: unknown) =>
          v instanceof Error ? { threw: v.message } : { value: encodeValue(v) };
        const cases = names.map((name) => ({
          name,
          actual: outcome(name in (f.actual ?? {}) ? f.actual![name] : RIGHT[name]),
          ...(trusted ? { expected: outcome(RIGHT[name]), tol: outcome(1e-12) } : {}),
        }));
        records.push({ nonce: c.nonce, question, cases });
        if (f.duplicate) records.push({ nonce: c.nonce, question, cases });
      }
      return {
        key: c.key,
        status,
        outputs: [],
        stderr: status === "error" ? "1:7 - Type 'string' is not assignable" : "",
        records,
        truncated: false,
        seconds: 0,
        message: status,
      };
    });
    return { started: true, cells, restarts: 0, events: [], seconds: 0 };
  };
}

function ctxFor(f: Fake, expectations: Expectations): GradeContext {
  let n = 0;
  return {
    assignment: "grader-ema",
    student: "s",
    instructor: instructorNotebook(),
    release: releasedNotebook(),
    expectations,
    executor: fakeExecutor(f),
    nonce: () => `nonce${n++}`,
    warnings: [],
    matched: new Map(),
    runs: new Map(),
    grades: [],
  };
}

async function expectations(): Promise<Expectations> {
  const ctx = ctxFor({}, new Map());
  await runPipeline(EXPECTATIONS, instructorNotebook(), ctx);
  return ctx.expectations;
}

function solved(change?: (nb: Notebook) => void): Notebook {
  const nb = releasedNotebook();
  nb.cells.find((c) => c.metadata.nbgrader?.grade_id === "ema-answer")!.source = EMA_OK;
  nb.cells.find((c) => c.metadata.nbgrader?.grade_id === "clip-answer")!.source = CLIP_OK;
  change?.(nb);
  return nb;
}

async function grade(nb: Notebook, f: Fake = {}) {
  const ctx = ctxFor(f, await expectations());
  const out = await runPipeline(AUTOGRADE, nb, ctx);
  const g = Object.fromEntries(ctx.grades.map((x) => [x.question, [x.status, x.points, x.message] as const]));
  return { ctx, out, g };
}

describe("AUTOGRADE (with a fake kernel)", () => {
  it("the grader's own run of the instructor's notebook yields the expected value and tol of every case", async () => {
    const e = await expectations();
    assert.deepEqual([...e.keys()], ["q-ema", "q-clip"]);
    assert.deepEqual(e.get("q-ema")!.get("rho 0.75 on 2 4 8"), {
      expected: encodeValue(new Float64Array([2, 2.5, 3.875])),
      tol: 1e-12,
    });
  });

  it("right answers pass with the instructor's points; the written answer is left for hand grading", async () => {
    const { g } = await grade(solved());
    assert.deepEqual(g["q-ema"].slice(0, 2), ["pass", 2]);
    assert.deepEqual(g["q-clip"].slice(0, 2), ["pass", 3]);
    assert.deepEqual(g["why-ema"].slice(0, 2), ["ungradable", 0]);
  });

  it("the learner's kernel gets the hidden tests' inputs but never an expected value", async () => {
    const plans: ExecutePlan[] = [];
    await grade(solved(), { plans });
    const sent = plans[0].cells.map((c) => c.source).join("\n");
    assert.match(sent, /rho 0\.75 on 2 4 8/);
    assert.doesNotMatch(sent, /3\.875|expected/);
  });

  it("a wrong value fails its question, naming the case with expected vs actual", async () => {
    const { g } = await grade(solved(), { actual: { "rho 0.75 on 2 4 8": new Float64Array([2, 3.5, 6]) } });
    assert.equal(g["q-ema"][0], "fail");
    assert.match(
      g["q-ema"][2],
      /1 of 3 cases failed: ✗ rho 0\.75 on 2 4 8: at \[1\]: expected 2\.5, got 3\.5/,
    );
  });

  it("cases that throw make the question an error; a type error in the answer is named", async () => {
    assert.deepEqual(
      (await grade(solved(), { actual: { "zero stays zero": new Error("Error: nope") } })).g["q-clip"][0],
      "error",
    );
    const all = Object.fromEntries(Object.keys(RIGHT).map((k) => [k, new Error("not implemented")]));
    const { g } = await grade(releasedNotebook(), { actual: all });
    assert.deepEqual([g["q-ema"][0], g["q-clip"][0]], ["error", "error"]);
    const typed = await grade(solved(), { status: { i3: "error", i4: "error" } });
    assert.match(typed.g["q-ema"][2], /your answer cell failed: 1:7 - Type 'string' is not assignable/);
  });

  it("timeouts and crashes of an answer or a test cell score 0 with that status", async () => {
    const { g } = await grade(solved(), { status: { i3: "timeout", i7: "dead" } });
    assert.deepEqual(
      [g["q-ema"][0], g["q-ema"][1], g["q-clip"][0], g["q-clip"][1]],
      ["timeout", 0, "crashed", 0],
    );
  });

  it("records sent twice make the question tampered", async () => {
    const { g } = await grade(solved(), { duplicate: true });
    assert.deepEqual([g["q-ema"][0], g["q-clip"][0]], ["tampered", "tampered"]);
  });

  it("test cells run as the instructor wrote them, whatever the learner did to them", async () => {
    const plans: ExecutePlan[] = [];
    const nb = solved((n) => {
      const t = n.cells.find((c) => c.metadata.nbgrader?.grade_id === "q-ema")!;
      t.source = "console.log('passed')";
      t.metadata.nbgrader!.points = 1000;
    });
    const { ctx, g } = await grade(nb, { plans });
    assert.deepEqual(g["q-ema"].slice(0, 2), ["pass", 2]);
    assert.match(plans[0].cells.find((c) => c.key === "i4")!.source, /rho 0 copies the input/);
    assert.ok(ctx.warnings.some((w) => /"q-ema" was edited/.test(w)));
  });

  it("inserted cells run after the cell they followed, in instructor order; reordered cells go back in place", async () => {
    const nb = solved((n) => {
      n.cells.splice(4, 0, { cell_type: "code", source: "const mine = 1;", metadata: {}, outputs: [] });
      n.cells.reverse();
    });
    const { out } = await grade(cloneNotebook(nb));
    const keys = out.cells.map((c) => markOf(c).key);
    assert.deepEqual(
      keys.filter((k) => k.startsWith("i")),
      ["i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9", "i10"],
    );
    assert.equal(
      out.cells
        .filter((c) => markOf(c).origin === "inserted")
        .map(sourceOf)
        .join(),
      "const mine = 1;",
    );
  });

  it("an answer that cannot be matched (metadata and ids stripped, first line changed) is flagged for manual review", async () => {
    const nb = solved((n) => {
      for (const c of n.cells) {
        c.metadata = {};
        delete c.id;
      }
      n.cells[3].source = "const ema = (xs: Float64Array, rho: number) => xs;";
    });
    const { g } = await grade(nb);
    assert.deepEqual(g["q-ema"].slice(0, 2), ["ungradable", 0]);
    assert.match(g["q-ema"][2], /manual review/);
    assert.deepEqual(g["q-clip"].slice(0, 2), ["pass", 3]);
  });
});
