/**
 * Incremental grading into an output folder: each (student, notebook) whose stored result is missing or
 * stale (a changed submission, instructor notebook, grader version or limit) is graded, and its result
 * written the moment it is known (results.ts); every other result is reused. A batch killed at any moment
 * and run again therefore grades only what had no result yet. Nothing here writes the batch files.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Executor, Expectations } from "./context";
import { expectationsOf, gradeSubmission, type Assignment } from "./grade";
import { Progress } from "./progress";
import {
  GRADER,
  instructorHash,
  readExpectations,
  readResult,
  resultFile,
  sameKey,
  submissionHash,
  writeExpectations,
  writeResult,
  type ResultKey,
} from "./results";
import { shardOf, type Shard } from "./shard";
import { questionsIn } from "./steps/questions";

export interface IncrementalOptions {
  out: string;
  submissionsDir: string;
  assignments: Assignment[];
  /** Makes the executor (prepares Jupyter and lib): called only when something is to be graded. */
  executor: () => Executor;
  /** The limits that change outcomes (part of every result's key). */
  limits: string;
  /** Grade only these students (the others' results stay as they are). */
  students?: string[];
  shard?: Shard;
  /** Grade everything again, reusing nothing (also what happens without a sandbox). */
  force?: boolean;
  /** Parallel kernels (default: the number of cores). */
  concurrency?: number;
  log?: (line: string) => void;
  progress?: (total: number) => Progress;
}

export interface IncrementalRun {
  /** The students of this batch (of the shard, if any), sorted. */
  students: string[];
  reused: number;
  graded: number;
  /** Stale results of students left out by --student. */
  stale: number;
}

/** The student folders of a submissions folder, sorted, in the shard if one is given. */
export function studentsOf(submissionsDir: string, shard?: Shard): string[] {
  return fs
    .readdirSync(submissionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith("."))
    .map((d) => d.name)
    .filter((s) => !shard || shardOf(s, shard.count) === shard.index)
    .sort();
}

export async function gradeIncremental(o: IncrementalOptions): Promise<IncrementalRun> {
  const log = o.log ?? (() => {});
  const students = studentsOf(o.submissionsDir, o.shard);
  for (const s of o.students ?? []) {
    if (!fs.existsSync(path.join(o.submissionsDir, s)))
      throw new Error(`no student folder ${s} in ${o.submissionsDir}`);
    if (!students.includes(s))
      throw new Error(`student ${s} is not in shard ${o.shard!.index}/${o.shard!.count}`);
  }
  const chosen = new Set(o.students && o.students.length > 0 ? o.students : students);
  const hashes = new Map(o.assignments.map((a) => [a.name, instructorHash(a)]));
  const base = (a: Assignment) => ({ instructor: hashes.get(a.name)!, grader: GRADER, limits: o.limits });
  const todo: { student: string; a: Assignment; key: ResultKey }[] = [];
  let reused = 0;
  let stale = 0;
  for (const student of students) {
    for (const a of o.assignments) {
      const key = { ...base(a), submission: submissionHash(path.join(o.submissionsDir, student), a) };
      const stored = readResult(resultFile(o.out, student, a.name));
      const fresh = stored !== null && sameKey(stored.key, key);
      if (!chosen.has(student)) {
        if (stored && !fresh) stale++;
        continue;
      }
      if (fresh && !o.force) reused++;
      else todo.push({ student, a, key });
    }
  }
  log(
    `${students.length} student(s)${o.shard ? ` in shard ${o.shard.index}/${o.shard.count}` : ""}: ` +
      `reusing ${reused} result(s), grading ${todo.length}` +
      (stale > 0
        ? `; ${stale} stale result(s) of students not chosen with --student are kept as they are`
        : ""),
  );
  const executor = todo.length > 0 ? o.executor() : undefined;
  const expectations = new Map<string, Expectations>();
  for (const a of o.assignments.filter((x) => todo.some((t) => t.a === x))) {
    const cached = o.force ? null : readExpectations(o.out, a, base(a));
    if (cached) {
      expectations.set(a.name, cached);
      continue;
    }
    log(`running the instructor's ${a.name} for the expected values`);
    const e = await expectationsOf(a, executor!);
    writeExpectations(o.out, a, base(a), e);
    expectations.set(a.name, e);
  }
  const progress =
    o.progress?.(todo.length) ?? new Progress(todo.length, (t) => log(t.replace(/\n$/, "")), false);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const { student, a, key } = todo[next++];
      const r = await gradeSubmission(
        a,
        student,
        path.join(o.submissionsDir, student),
        executor!,
        expectations.get(a.name)!,
      );
      const questions = questionsIn(a.instructor).map(({ id, max, manual }) => ({
        question: id,
        max,
        manual,
      }));
      writeResult(o.out, key, questions, r);
      progress.step(`${student}/${a.name}: ${r.total}/${r.max} (${r.seconds.toFixed(1)} s)`);
    }
  };
  const concurrency = Math.max(1, o.concurrency ?? os.cpus().length);
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
  } finally {
    progress.end();
  }
  return { students, reused, graded: todo.length, stale };
}
