/**
 * The grader's results on disk: one file per (student, notebook), `<out>/results/<student>/<notebook>.json`,
 * written the moment it is known, atomically (a temporary file in the same folder, then a rename: a file is
 * either absent or whole, whenever the batch is killed). Each carries the key of what determined it: the
 * submission's content hash, the instructor notebook's hash, the grader's version and its limits. A result
 * whose key matches is reused; any other is stale and graded again. The instructor's expected values are
 * kept the same way (`<out>/results/.instructor/<notebook>.json`), so that a batch with nothing to grade
 * runs no kernel at all. The batch files (grades.json, grades.csv, manual.csv, feedback) are assembled from
 * these results.
 */
import { createHash, randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { Expectations } from "./context";
import type { Encoded } from "@dlopt/lib";
import { findSubmission, GRADER_VERSION, type Assignment, type NotebookGrade } from "./grade";

/** What a result depends on. */
export interface ResultKey {
  /** sha256 of the submitted notebook (its file name and bytes), or of the folder's listing when missing. */
  submission: string;
  /** sha256 of the instructor's notebook. */
  instructor: string;
  /** `dlopt-grader <version>`. */
  grader: string;
  /** The limits that change outcomes (cell and notebook timeouts, memory), as `cell=30 notebook=300 memory=1024`. */
  limits: string;
}

export interface StoredResult {
  key: ResultKey;
  /** The assignment's questions and their max points (what a merge needs without the instructor's files). */
  questions: { question: string; max: number; manual: boolean }[];
  result: NotebookGrade;
}

export const GRADER = `dlopt-grader ${GRADER_VERSION}`;

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

const resultsDir = (out: string) => path.join(out, "results");

export const resultFile = (out: string, student: string, notebook: string) =>
  path.join(resultsDir(out), student, `${notebook}.json`);

const instructorFile = (out: string, notebook: string) =>
  path.join(resultsDir(out), ".instructor", `${notebook}.json`);

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
export function writeAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export function instructorHash(a: Assignment): string {
  return sha256(fs.readFileSync(a.file));
}

/** The hash of what a student submitted for an assignment (the file the grader would grade). */
export function submissionHash(dir: string, a: Assignment): string {
  try {
    const file = findSubmission(dir, a, []);
    if (file) return sha256(`${path.basename(file)}\0${sha256(fs.readFileSync(file))}`);
    const listing = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ipynb"))
      .sort();
    return sha256(`missing\0${listing.join("\0")}`);
  } catch (e) {
    return sha256(`unreadable\0${(e as Error).message}`);
  }
}

export const sameKey = (a: ResultKey, b: ResultKey) =>
  a.submission === b.submission &&
  a.instructor === b.instructor &&
  a.grader === b.grader &&
  a.limits === b.limits;

export function writeResult(
  out: string,
  key: ResultKey,
  questions: StoredResult["questions"],
  result: NotebookGrade,
): void {
  const stored: StoredResult = { key, questions, result };
  writeAtomic(resultFile(out, result.student, result.notebook), JSON.stringify(stored) + "\n");
}

/** A stored result, or null when there is none or it cannot be read. */
export function readResult(file: string): StoredResult | null {
  try {
    const s = JSON.parse(fs.readFileSync(file, "utf8")) as StoredResult;
    return s && s.key && s.result && Array.isArray(s.result.grades) ? s : null;
  } catch {
    return null;
  }
}

/** Every stored result of an output folder, by student then notebook. */
export function readAllResults(out: string): StoredResult[] {
  const dir = resultsDir(out);
  if (!fs.existsSync(dir)) return [];
  const all: StoredResult[] = [];
  for (const student of fs.readdirSync(dir).sort()) {
    if (student.startsWith(".")) continue;
    const sdir = path.join(dir, student);
    if (!fs.statSync(sdir).isDirectory()) continue;
    for (const f of fs
      .readdirSync(sdir)
      .filter((x) => x.endsWith(".json") && !x.startsWith("."))
      .sort()) {
      const r = readResult(path.join(sdir, f));
      if (r) all.push(r);
    }
  }
  return all;
}

type StoredExpectations = [string, [string, { expected: Encoded; tol: number }][]][];

/** The instructor's expected values stored for this instructor notebook and grader, if any. */
export function readExpectations(
  out: string,
  a: Assignment,
  key: Omit<ResultKey, "submission">,
): Expectations | null {
  try {
    const s = JSON.parse(fs.readFileSync(instructorFile(out, a.name), "utf8")) as {
      key: Omit<ResultKey, "submission">;
      expectations: StoredExpectations;
    };
    if (s.key.instructor !== key.instructor || s.key.grader !== key.grader || s.key.limits !== key.limits)
      return null;
    return new Map(s.expectations.map(([q, cases]) => [q, new Map(cases)]));
  } catch {
    return null;
  }
}

export function writeExpectations(
  out: string,
  a: Assignment,
  key: Omit<ResultKey, "submission">,
  e: Expectations,
): void {
  const expectations: StoredExpectations = [...e].map(([q, cases]) => [q, [...cases]]);
  writeAtomic(instructorFile(out, a.name), JSON.stringify({ key, expectations }) + "\n");
}
