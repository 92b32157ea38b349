import type { Encoded } from "@dlopt/lib";
import type { Step } from "../pipeline";
import { readRecords } from "../records";
import { parseTestCell } from "../testCells";
import { cellOfIndex, markOf } from "./cellMark";
import { questionsIn } from "./questions";
import { firstLines, questionRunProblem } from "./runProblem";

const valueOf = (o: { value: Encoded } | { threw: string } | undefined): Encoded | null =>
  o && "value" in o ? o.value : null;

/**
 * The grader's own run of the instructor's notebook: the expected value and tolerance of every case, as its
 * test cells recorded them. A question whose cells did not run is left to scoreQuestions to report; a
 * case whose expected value or tol could not be evaluated makes the assignment ungradable (throws).
 */
export const recordExpectations: Step = {
  name: "recordExpectations",
  after: ["execute"],
  run(nb, ctx) {
    for (const q of questionsIn(ctx.instructor)) {
      if (q.manual || questionRunProblem(q, ctx)) continue;
      const mark = markOf(cellOfIndex(nb, q.cell)!);
      const run = ctx.runs.get(`i${q.cell}`)!;
      const read = readRecords(run.records, q.id, null, mark.nonce!);
      if ("tampered" in read) continue;
      const expected = new Map<string, { expected: Encoded; tol: number }>();
      for (const { name } of parseTestCell(mark.display!, q.id).cases) {
        const c = read.cases.get(name);
        const e = valueOf(c?.expected);
        const t = valueOf(c?.tol);
        if (!c || !e || !t || t.t !== "number" || typeof t.v !== "number" || !(t.v >= 0)) {
          throw new Error(
            `the instructor's notebook ${ctx.assignment}: the expected value or tol of "${q.id}" / "${name}" could not be evaluated (${firstLines(run.stderr) || "no record"})`,
          );
        }
        expected.set(name, { expected: e, tol: t.v });
      }
      ctx.expectations.set(q.id, expected);
    }
    return nb;
  },
};
