/**
 * Autograding one submitted notebook: nbgrader's sanitize-then-execute, as a declared pipeline.
 *
 *   AUTOGRADE = [checkKernelspec, matchCells, assemble, clearOutputs, rewriteTests, execute,
 *                collectScores, annotateFeedback]
 *
 * The notebook that runs is built from the instructor's notebook: its cells in its order, the learner's
 * source only in answer cells (matched by grade id, else cell id, else fingerprint), learner-inserted
 * cells after the cell they followed. Test cells are the instructor's (hidden tests included), rewritten
 * so that only the `actual` expressions run in the learner's kernel; the grader compares them with the
 * expected values of its own run of the instructor's notebook. stdout and stderr never decide a score.
 */
import { compareEncoded, describeEncoded } from "../lib/src/check/compareEncoded";
import type { Encoded } from "../lib/src/check/encodeValue";
import type { CellRun, QuestionGrade, Status } from "./context";
import { cellChecksum, cellLabel, cloneNotebook, roleOf, sourceOf, type Cell } from "./notebook";
import type { Step } from "./pipeline";
import { readRecords } from "./records";
import { KERNELSPEC } from "./release";
import { gradingSource, parseTestCell } from "./testCells";

/** Grader bookkeeping on an assembled cell (metadata.dlopt_grader). */
export interface CellMark {
  key: string;
  origin: "instructor" | "learner" | "inserted";
  /** Instructor cell index (not for inserted cells). */
  index?: number;
  nonce?: string;
  /** The test cell's source as the learner should see it in feedback. */
  display?: string;
  run?: { status: string; message: string; seconds: number; truncated: boolean };
  grade?: QuestionGrade;
}

export const markOf = (cell: Cell): CellMark => cell.metadata.dlopt_grader as CellMark;

const firstLine = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l !== "") ?? "";

export const checkKernelspec: Step = {
  name: "checkKernelspec",
  run(nb, ctx) {
    const name = nb.metadata?.kernelspec?.name;
    if (name !== KERNELSPEC.name) {
      ctx.warnings.push(
        `the notebook asked for kernel "${String(name)}"; it ran with the course kernel (tslab)`,
      );
    }
    nb.metadata.kernelspec = { ...KERNELSPEC };
    return nb;
  },
};

/** Finds the learner's copy of each instructor cell and notes what was edited, deleted or duplicated. */
export const matchCells: Step = {
  name: "matchCells",
  run(nb, ctx) {
    const I = ctx.instructor.cells;
    const R = ctx.release.cells;
    const byGradeId = new Map<string, number>();
    const byCellId = new Map<string, number>();
    I.forEach((c, i) => {
      const g = c.metadata?.nbgrader?.grade_id;
      if (g && roleOf(c) !== "plain") byGradeId.set(g, i);
      if (c.id) byCellId.set(c.id, i);
    });
    const matched = ctx.matched;
    const taken = new Set<number>();
    const learnerMatched = new Set<number>();
    // 1. grade id (first copy wins), 2. cell id
    nb.cells.forEach((c, j) => {
      const g = c.metadata?.nbgrader?.grade_id;
      let i = typeof g === "string" ? byGradeId.get(g) : undefined;
      if (i !== undefined && matched.has(i)) {
        ctx.warnings.push(
          `${cellLabel(c, j)} duplicates graded cell "${g}": the first copy is graded, this one runs as an inserted cell`,
        );
        return;
      }
      if (i === undefined && c.id && byCellId.has(c.id) && !matched.has(byCellId.get(c.id)!)) {
        i = byCellId.get(c.id)!;
        if (roleOf(I[i]) !== "plain") {
          ctx.warnings.push(
            `${cellLabel(c, j)} lost its grading metadata; matched to "${I[i].metadata.nbgrader!.grade_id}" by cell id`,
          );
        }
      }
      if (i === undefined || taken.has(i)) return;
      if (I[i].cell_type !== c.cell_type) return;
      matched.set(i, j);
      taken.add(i);
      learnerMatched.add(j);
    });
    // 3. fingerprint: an answer cell still missing, found by the first line of its released source
    I.forEach((c, i) => {
      if (matched.has(i) || roleOf(c) !== "answer") return;
      const fp = firstLine(sourceOf(R[i]));
      const candidates = nb.cells
        .map((lc, j) => ({ lc, j }))
        .filter(
          ({ lc, j }) => !learnerMatched.has(j) && lc.cell_type === "code" && firstLine(sourceOf(lc)) === fp,
        );
      if (fp !== "" && candidates.length === 1) {
        matched.set(i, candidates[0].j);
        learnerMatched.add(candidates[0].j);
        ctx.warnings.push(
          `answer "${c.metadata.nbgrader!.grade_id}" found by its first line (its metadata was removed)`,
        );
      }
    });
    // what changed in locked and graded cells
    I.forEach((c, i) => {
      const role = roleOf(c);
      if (role === "plain") return;
      const id = c.metadata.nbgrader!.grade_id;
      const j = matched.get(i);
      if (j === undefined) {
        if (role === "tests" || role === "readonly")
          ctx.warnings.push(`cell "${id}" was deleted; the instructor's version was restored`);
        return;
      }
      const lc = nb.cells[j];
      if (
        (role === "tests" || role === "readonly") &&
        cellChecksum(lc) !== R[i].metadata.nbgrader!.checksum
      ) {
        ctx.warnings.push(`locked cell "${id}" was edited; the instructor's version was restored`);
      }
      const lm = lc.metadata?.nbgrader;
      const rm = R[i].metadata.nbgrader!;
      if (lm && (["points", "grade", "solution", "locked"] as const).some((k) => lm[k] !== rm[k])) {
        ctx.warnings.push(`the grading metadata of "${id}" was changed; the instructor's was used`);
      }
    });
    return nb;
  },
};

/** The notebook to execute: instructor cells in instructor order, learner answers, inserted cells. */
export const assemble: Step = {
  name: "assemble",
  after: ["matchCells"],
  run(nb, ctx) {
    const I = ctx.instructor.cells;
    const inverse = new Map<number, number>();
    ctx.matched.forEach((j, i) => inverse.set(j, i));
    const insertedAfter = new Map<number, number[]>();
    let anchor = -1;
    nb.cells.forEach((_, j) => {
      if (inverse.has(j)) anchor = inverse.get(j)!;
      else insertedAfter.set(anchor, [...(insertedAfter.get(anchor) ?? []), j]);
    });
    const cells: Cell[] = [];
    const pushInserted = (a: number) => {
      for (const j of insertedAfter.get(a) ?? []) {
        const lc = nb.cells[j];
        const meta = { ...(lc.metadata ?? {}) };
        delete meta.nbgrader;
        const mark: CellMark = { key: `l${j}`, origin: "inserted" };
        cells.push({
          cell_type: lc.cell_type,
          source: sourceOf(lc),
          metadata: { ...meta, dlopt_grader: mark },
          ...(lc.cell_type === "code" ? { outputs: [], execution_count: null } : {}),
        });
      }
    };
    pushInserted(-1);
    I.forEach((ic, i) => {
      const cell = JSON.parse(JSON.stringify(ic)) as Cell;
      const role = roleOf(ic);
      const j = ctx.matched.get(i);
      let origin: CellMark["origin"] = "instructor";
      if (!ctx.trusted && (role === "answer" || role === "manual")) {
        // the learner's answer, or the released stub when it cannot be found
        cell.source = j !== undefined ? sourceOf(nb.cells[j]) : sourceOf(ctx.release.cells[i]);
        origin = "learner";
      }
      const mark: CellMark = { key: `i${i}`, origin, index: i };
      cell.metadata = { ...cell.metadata, dlopt_grader: mark };
      cells.push(cell);
      pushInserted(i);
    });
    return { ...cloneNotebook({ ...ctx.instructor, cells: [] }), cells };
  },
};

export const clearOutputs: Step = {
  name: "clearOutputs",
  after: ["assemble"],
  run(nb) {
    for (const c of nb.cells) {
      if (c.cell_type === "code") {
        c.outputs = [];
        c.execution_count = null;
      }
    }
    return nb;
  },
};

/** Test cells become calls of recordCheck with a fresh nonce; expected values only in a trusted run. */
export const rewriteTests: Step = {
  name: "rewriteTests",
  after: ["assemble"],
  run(nb, ctx) {
    for (const c of nb.cells) {
      const mark = markOf(c);
      if (mark.origin !== "instructor" || roleOf(c) !== "tests") continue;
      mark.nonce = ctx.nonce();
      mark.display = sourceOf(c);
      c.source = gradingSource(sourceOf(c), c.metadata.nbgrader!.grade_id!, mark.nonce, ctx.trusted);
    }
    return nb;
  },
};

export const execute: Step = {
  name: "execute",
  after: ["clearOutputs", "rewriteTests"],
  async run(nb, ctx) {
    const code = nb.cells.filter((c) => c.cell_type === "code");
    const run = await ctx.executor({
      cells: code.map((c) => ({ key: markOf(c).key, source: sourceOf(c), nonce: markOf(c).nonce })),
    });
    ctx.run = run;
    if (!run.started) ctx.warnings.push(run.message ?? "the kernel did not start");
    for (const r of run.cells) ctx.runs.set(r.key, r);
    for (const c of code) {
      const r = ctx.runs.get(markOf(c).key);
      if (!r) continue;
      c.outputs = r.outputs ?? [];
      markOf(c).run = { status: r.status, message: r.message, seconds: r.seconds, truncated: r.truncated };
      if (r.truncated)
        ctx.warnings.push(`the output of cell ${nb.cells.indexOf(c) + 1} was truncated (output limit)`);
    }
    if (run.restarts > 0)
      ctx.warnings.push(`the kernel was restarted ${run.restarts} time(s): ${run.events.join("; ")}`);
    return nb;
  },
};

const firstLines = (s: string, n = 3) =>
  s
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "" && !/^\s+at /.test(l))
    .slice(0, n)
    .join(" | ")
    .slice(0, 400);

/** What a non-ok run of a cell means for its question, if anything. */
function runProblem(r: CellRun | undefined, what: string): { status: Status; message: string } | null {
  if (!r) return { status: "crashed", message: `${what} never ran` };
  if (r.status === "timeout") return { status: "timeout", message: `${what}: ${r.message}` };
  if (r.status === "dead") return { status: "crashed", message: `${what}: ${r.message}` };
  if (r.status === "skipped") {
    return { status: r.message.includes("limit") ? "timeout" : "crashed", message: `${what}: ${r.message}` };
  }
  return null;
}

function outcomeValue(o: { value: Encoded } | { threw: string }): Encoded | null {
  return "value" in o ? o.value : null;
}

/** Scores each question from the grader's own comparison of recorded actual values with expected ones. */
export const collectScores: Step = {
  name: "collectScores",
  after: ["execute"],
  run(nb, ctx) {
    const byIndex = new Map<number, Cell>();
    for (const c of nb.cells) if (markOf(c).index !== undefined) byIndex.set(markOf(c).index!, c);
    let answers: number[] = [];
    ctx.instructor.cells.forEach((ic, i) => {
      const role = roleOf(ic);
      const id = ic.metadata.nbgrader?.grade_id ?? "";
      if (role === "answer") answers.push(i);
      if (role === "manual") {
        ctx.grades.push({
          question: id,
          points: 0,
          max: ic.metadata.nbgrader!.points ?? 0,
          status: "ungradable",
          message: "graded by hand",
          manual: true,
        });
      }
      if (role !== "tests") return;
      const max = ic.metadata.nbgrader!.points ?? 0;
      const grade = (status: Status, message: string, points = 0): void => {
        ctx.grades.push({ question: id, points, max, status, message });
      };
      const mine = answers;
      answers = [];
      const lost = mine.filter((a) => !ctx.matched.has(a));
      if (lost.length > 0 && !ctx.trusted) {
        const names = lost.map((a) => ctx.instructor.cells[a].metadata.nbgrader!.grade_id).join(", ");
        return grade(
          "ungradable",
          `answer cell ${names} not found (deleted, or its metadata removed): flagged for manual review`,
        );
      }
      for (const a of mine) {
        const p = runProblem(
          ctx.runs.get(`i${a}`),
          `answer cell "${ctx.instructor.cells[a].metadata.nbgrader!.grade_id}"`,
        );
        if (p) return grade(p.status, p.message);
      }
      const testCell = byIndex.get(i)!;
      const run = ctx.runs.get(`i${i}`);
      const p = runProblem(run, "the test cell");
      if (p) return grade(p.status, p.message);
      const nonce = markOf(testCell).nonce!;
      let known: Set<string> | null = null;
      if (!ctx.trusted) known = new Set(ctx.expectations.get(id)?.keys() ?? []);
      const read = readRecords(run!.records, id, known, nonce);
      if ("tampered" in read) return grade("tampered", read.tampered);
      if (ctx.trusted) {
        const exp = new Map<string, { expected: Encoded; tol: number }>();
        for (const name of parseTestCell(markOf(testCell).display!, id).cases.map((c) => c.name)) {
          const c = read.cases.get(name);
          const e = c?.expected && outcomeValue(c.expected);
          const t = c?.tol && outcomeValue(c.tol);
          if (!c || !e || !t || t.t !== "number" || typeof t.v !== "number" || !(t.v >= 0)) {
            throw new Error(
              `the instructor's notebook ${ctx.assignment}: the expected value or tol of "${id}" / "${name}" could not be evaluated (${firstLines(run!.stderr) || "no record"})`,
            );
          }
          exp.set(name, { expected: e, tol: t.v });
        }
        ctx.expectations.set(id, exp);
      }
      const expected = ctx.expectations.get(id)!;
      const missing = [...expected.keys()].filter((n) => !read.cases.has(n));
      if (missing.length > 0) {
        const answerErr = mine.map((a) => ctx.runs.get(`i${a}`)).find((r) => r && r.status !== "ok");
        const why = answerErr
          ? `your answer cell failed: ${firstLines(answerErr.stderr) || answerErr.status}`
          : `the tests could not run: ${firstLines(run!.stderr) || "no result was recorded"}`;
        return grade("error", why);
      }
      const failures: string[] = [];
      let errors = 0;
      for (const [name, { expected: e, tol }] of expected) {
        const c = read.cases.get(name)!;
        if ("threw" in c.actual) {
          errors++;
          failures.push(`✗ ${name}: threw ${c.actual.threw}`);
          continue;
        }
        const diff = compareEncoded(e, c.actual.value, tol);
        if (diff) failures.push(`✗ ${name}: ${diff}`);
      }
      if (failures.length === 0) return grade("pass", `all ${expected.size} cases passed`, max);
      const head = `${failures.length} of ${expected.size} cases failed`;
      return grade(
        errors === failures.length ? "error" : "fail",
        `${head}: ${failures.slice(0, 5).join("; ")}`,
      );
    });
    return nb;
  },
};

/** Puts each question's grade on its test cell and shows the tests as written (not as rewritten). */
export const annotateFeedback: Step = {
  name: "annotateFeedback",
  after: ["collectScores"],
  run(nb, ctx) {
    const grades = new Map(ctx.grades.map((g) => [g.question, g]));
    for (const c of nb.cells) {
      const mark = markOf(c);
      if (mark.origin === "inserted") continue;
      const id = c.metadata.nbgrader?.grade_id;
      if (mark.display !== undefined) c.source = mark.display;
      if (id && grades.has(id) && (roleOf(c) === "tests" || roleOf(c) === "manual"))
        mark.grade = grades.get(id);
    }
    return nb;
  },
};

export const AUTOGRADE: Step[] = [
  checkKernelspec,
  matchCells,
  assemble,
  clearOutputs,
  rewriteTests,
  execute,
  collectScores,
  annotateFeedback,
];

/** Describes an encoding (re-exported for the feedback page). */
export { describeEncoded };
