/**
 * Scores each question from the grader's own comparison of the actual values a test cell recorded with
 * the expected ones (recorded by the grader's run of the instructor's notebook). stdout and stderr never
 * decide a score.
 */
import { compareEncoded, type Encoded } from "@dlopt/lib";
import type { Notebook } from "../../jupyter/notebook";
import type { CellRun, GradeContext, QuestionGrade, Status } from "../context";
import type { Step } from "../pipeline";
import { readRecords, type CaseRecord } from "../records";
import { cellOfIndex, markOf } from "./cellMark";
import { questionsIn, type Question } from "./questions";
import { firstLines, questionRunProblem } from "./runProblem";

type Grade = (status: Status, message: string, points?: number) => QuestionGrade;

/** Answer cells the learner's notebook lost (deleted, or metadata removed): the question is flagged. */
function lostAnswers(q: Question, ctx: GradeContext): string | null {
  const lost = q.answers.filter((a) => !ctx.matched.has(a));
  if (lost.length === 0) return null;
  const names = lost.map((a) => ctx.instructor.cells[a].metadata.nbgrader!.grade_id).join(", ");
  return `answer cell ${names} not found (deleted, or its metadata removed): flagged for manual review`;
}

/** Why no result was recorded for some case: the learner's failing answer, else the test cell's error. */
function whyNoResult(q: Question, ctx: GradeContext, run: CellRun): string {
  const answerErr = q.answers.map((a) => ctx.runs.get(`i${a}`)).find((r) => r && r.status !== "ok");
  return answerErr
    ? `your answer cell failed: ${firstLines(answerErr.stderr) || answerErr.status}`
    : `the tests could not run: ${firstLines(run.stderr) || "no result was recorded"}`;
}

/** Every case compared; pass only when all pass. */
function compareCases(
  expected: Map<string, { expected: Encoded; tol: number }>,
  cases: Map<string, CaseRecord>,
  max: number,
  grade: Grade,
): QuestionGrade {
  const failures: string[] = [];
  let errors = 0;
  for (const [name, { expected: e, tol }] of expected) {
    const c = cases.get(name)!;
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
  return grade(errors === failures.length ? "error" : "fail", `${head}: ${failures.slice(0, 5).join("; ")}`);
}

function scoreQuestion(q: Question, nb: Notebook, ctx: GradeContext): QuestionGrade {
  const grade: Grade = (status, message, points = 0) => ({
    question: q.id,
    points,
    max: q.max,
    status,
    message,
  });
  if (q.manual) return { ...grade("ungradable", "graded by hand"), manual: true };
  const lost = lostAnswers(q, ctx);
  if (lost) return grade("ungradable", lost);
  const problem = questionRunProblem(q, ctx);
  if (problem) return grade(problem.status, problem.message);
  const run = ctx.runs.get(`i${q.cell}`)!;
  const expected = ctx.expectations.get(q.id) ?? new Map();
  const read = readRecords(
    run.records,
    q.id,
    new Set(expected.keys()),
    markOf(cellOfIndex(nb, q.cell)!).nonce!,
  );
  if ("tampered" in read) return grade("tampered", read.tampered);
  if ([...expected.keys()].some((n) => !read.cases.has(n))) return grade("error", whyNoResult(q, ctx, run));
  return compareCases(expected, read.cases, q.max, grade);
}

/** A grade per question, in notebook order; manually graded answers wait for the instructor's points. */
export const scoreQuestions: Step = {
  name: "scoreQuestions",
  after: ["execute"],
  run(nb, ctx) {
    for (const q of questionsIn(ctx.instructor)) ctx.grades.push(scoreQuestion(q, nb, ctx));
    return nb;
  },
};
