/**
 * Grading one student's notebook against an instructor notebook, in its own kernel. One bad submission
 * never stops the batch: whatever happens to it becomes statuses in its report. The batch (which results
 * to reuse, parallelism) is incremental.ts; nothing here writes files.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { Expectations, Executor, GradeContext, QuestionGrade } from "./context";
import { AUTOGRADE, EXPECTATIONS } from "./autograde";
import { cloneNotebook, parseNotebook, roleOf, type Notebook } from "../jupyter/notebook";
import { runPipeline } from "./pipeline";
import { releaseNotebook } from "./release";
import { questionsIn } from "./steps/questions";

export const GRADER_VERSION = "1.1.0";

export interface Assignment {
  /** The notebook's file name without .ipynb. */
  name: string;
  file: string;
  instructor: Notebook;
  release: Notebook;
}

export interface NotebookGrade {
  student: string;
  notebook: string;
  total: number;
  max: number;
  grades: QuestionGrade[];
  warnings: string[];
  seconds: number;
  /** The executed notebook, annotated for feedback (absent when there was none to run). */
  executed?: Notebook;
}

export interface BatchReport {
  grader: string;
  gradedAt: string;
  assignments: { name: string; questions: { question: string; max: number; manual: boolean }[] }[];
  results: NotebookGrade[];
  seconds: number;
}

const nonce = () => randomBytes(16).toString("hex");

function context(
  a: Assignment,
  student: string,
  executor: Executor,
  expectations: Expectations,
): GradeContext {
  return {
    assignment: a.name,
    student,
    instructor: a.instructor,
    release: a.release,
    expectations,
    executor,
    nonce,
    warnings: [],
    matched: new Map(),
    runs: new Map(),
    grades: [],
  };
}

/** Loads the graded instructor notebooks of a folder (validated through their release). */
export function loadAssignments(sourceDir: string): Assignment[] {
  return fs
    .readdirSync(sourceDir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => {
      const file = path.join(sourceDir, f);
      const instructor = parseNotebook(fs.readFileSync(file, "utf8"), file);
      return {
        name: f.replace(/\.ipynb$/, ""),
        file,
        instructor,
        release: releaseNotebook(instructor, file),
      };
    })
    .filter((a) => a.release.cells.some((c) => roleOf(c) === "tests"));
}

/**
 * The grader's own run of the instructor's notebook, in a clean kernel: the expected value and tolerance of
 * every case. Throws when the instructor's notebook fails its own tests (the assignment cannot be graded).
 */
export async function expectationsOf(a: Assignment, executor: Executor): Promise<Expectations> {
  const ctx = context(a, "(instructor)", executor, new Map());
  await runPipeline(EXPECTATIONS, cloneNotebook(a.instructor), ctx);
  const bad = ctx.grades.filter((g) => !g.manual && g.status !== "pass");
  if (bad.length > 0) {
    throw new Error(
      `${a.file} fails its own tests: ${bad.map((g) => `${g.question} ${g.status}: ${g.message}`).join("; ")}`,
    );
  }
  return ctx.expectations;
}

function allQuestions(a: Assignment, status: "missing" | "ungradable", message: string): QuestionGrade[] {
  return questionsIn(a.instructor).map((q) => ({
    question: q.id,
    points: 0,
    max: q.max,
    status: q.manual ? "ungradable" : status,
    message: q.manual ? `graded by hand; ${message}` : message,
    ...(q.manual ? { manual: true } : {}),
  }));
}

function summarize(
  student: string,
  a: Assignment,
  grades: QuestionGrade[],
  warnings: string[],
  seconds: number,
  executed?: Notebook,
): NotebookGrade {
  return {
    student,
    notebook: a.name,
    ...countedTotals(grades),
    grades,
    warnings,
    seconds,
    executed,
  };
}

/**
 * A notebook's total and max: the autograded questions, and the manually graded ones once the instructor
 * has given their points (status "graded", see manual.ts).
 */
export function countedTotals(grades: QuestionGrade[]): { total: number; max: number } {
  const counted = grades.filter((g) => !g.manual || g.status === "graded");
  return {
    total: counted.reduce((s, g) => s + g.points, 0),
    max: counted.reduce((s, g) => s + g.max, 0),
  };
}

/** Which file of a student's folder is this assignment: its name, else the assignment tag inside. */
export function findSubmission(dir: string, a: Assignment, warnings: string[]): string | null {
  const direct = path.join(dir, `${a.name}.ipynb`);
  if (fs.existsSync(direct)) return direct;
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith(".ipynb"))
    .sort()) {
    try {
      const nb = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Notebook;
      if ((nb.metadata?.dlopt as { assignment?: string } | undefined)?.assignment === a.name) {
        warnings.push(`found as ${f} (renamed; matched by its assignment metadata)`);
        return path.join(dir, f);
      }
    } catch {
      // unreadable files are not this assignment
    }
  }
  return null;
}

/** Grades one student's copy of one assignment. Never throws. */
export async function gradeSubmission(
  a: Assignment,
  student: string,
  dir: string,
  executor: Executor,
  expectations: Expectations,
): Promise<NotebookGrade> {
  const started = Date.now();
  const warnings: string[] = [];
  const seconds = () => (Date.now() - started) / 1000;
  let file: string | null;
  try {
    file = findSubmission(dir, a, warnings);
  } catch (e) {
    return summarize(
      student,
      a,
      allQuestions(a, "missing", `the folder could not be read: ${(e as Error).message}`),
      warnings,
      seconds(),
    );
  }
  if (!file)
    return summarize(
      student,
      a,
      allQuestions(a, "missing", `no ${a.name}.ipynb was submitted`),
      warnings,
      seconds(),
    );
  let nb: Notebook;
  try {
    nb = parseNotebook(fs.readFileSync(file, "utf8"), path.basename(file));
  } catch (e) {
    return summarize(
      student,
      a,
      allQuestions(a, "ungradable", `unreadable: ${(e as Error).message}`),
      warnings,
      seconds(),
    );
  }
  const ctx = context(a, student, executor, expectations);
  try {
    const executed = await runPipeline(AUTOGRADE, nb, ctx);
    return summarize(student, a, ctx.grades, [...warnings, ...ctx.warnings], seconds(), executed);
  } catch (e) {
    const msg = `the grader could not grade this notebook: ${(e as Error).message}`;
    return summarize(
      student,
      a,
      allQuestions(a, "ungradable", msg),
      [...warnings, ...ctx.warnings],
      seconds(),
    );
  }
}
