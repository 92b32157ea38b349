/**
 * Grading against plain execution, in the same run: N submissions of one lesson (the instructor's
 * notebook released and answered with the solutions, so every cell runs), graded into a fresh output
 * folder with 1 and with 2 jobs, against the same N notebooks executed plainly by the notebook runner
 * (nbclient, tslab kernel) with as many jobs. Also where the grading time goes: the instructor's run (once
 * per batch, for the expected values), the kernel starts (sandbox included) and the cells.
 *
 *   npx tsx bench/grade.ts [--lesson 05-moving-averages] [--submissions 4] [--jobs 1,2]
 *
 * Writes build/bench/grade.json: { records: [{ lesson, submissions, jobs, grade_s, execute_s, ratio,
 * per_submission_s, instructor_s, kernel_start_s, cells_s }], machine }, ratio = grade_s / execute_s;
 * kernel_start_s and cells_s are summed over the submissions' runs. Timings are wall-clock on whatever
 * load the machine has.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Executor, RunResult } from "../jupyter/runner";
import { makeExecutor, prepareKernel } from "../jupyter/runner";
import { executeNotebook, prepare } from "../jupyter/executeNotebook";
import { loadAssignments } from "../grader/grade";
import { gradeIncremental } from "../grader/incremental";
import { numberOption, option } from "./args";

const ROOT = path.resolve(__dirname, "..");
const lesson = option("--lesson", "05-moving-averages");
const n = numberOption("--submissions", 4);
const jobsList = option("--jobs", "1,2").split(",").map(Number);
const work = path.join(ROOT, "build", "bench", "grade-work");

/** The lesson as submissions: the instructor's notebook (answers are the solutions) in N student folders. */
function setUp(): { source: string; submissions: string; files: string[] } {
  fs.rmSync(work, { recursive: true, force: true });
  const source = path.join(work, "source");
  const submissions = path.join(work, "submissions");
  fs.mkdirSync(source, { recursive: true });
  fs.copyFileSync(path.join(ROOT, "notebooks", `${lesson}.ipynb`), path.join(source, `${lesson}.ipynb`));
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const dir = path.join(submissions, `student-${String(i).padStart(3, "0")}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(source, `${lesson}.ipynb`), path.join(dir, `${lesson}.ipynb`));
    // Distinct names: the notebook runner's working folder is named after the notebook.
    const plain = path.join(work, "plain", `${lesson}-${i}.ipynb`);
    fs.mkdirSync(path.dirname(plain), { recursive: true });
    fs.copyFileSync(path.join(source, `${lesson}.ipynb`), plain);
    files.push(plain);
  }
  return { source, submissions, files };
}

async function pool<T>(items: T[], jobs: number, f: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) await f(items[next++]);
    }),
  );
}

async function main(): Promise<void> {
  const { source, submissions, files } = setUp();
  const assignments = loadAssignments(source);
  if (assignments.length !== 1) throw new Error(`${lesson} is not a graded lesson`);
  const hide = [work, path.join(ROOT, "notebooks")];
  const python = prepareKernel({ hide, sandbox: true });
  const jupyterPython = prepare(() => {});
  const records = [];
  for (const jobs of jobsList) {
    const runs: RunResult[] = [];
    const inner = makeExecutor(python, { hide, sandbox: true });
    const executor: Executor = async (plan) => {
      const r = await inner(plan);
      runs.push(r);
      return r;
    };
    const out = path.join(work, `out-${jobs}`);
    let t = Date.now();
    await gradeIncremental({
      out,
      submissionsDir: submissions,
      assignments,
      executor: () => executor,
      limits: "bench",
      concurrency: jobs,
    });
    const grade_s = (Date.now() - t) / 1000;
    t = Date.now();
    await pool(files, jobs, async (f) => {
      const r = await executeNotebook(jupyterPython, f, { outDir: path.join(work, `executed-${jobs}`) });
      if (!r.ok) throw new Error(`${f} failed: ${JSON.stringify(r.failure)}`);
    });
    const execute_s = (Date.now() - t) / 1000;
    const [instructor, ...students] = runs;
    const cells = (r: RunResult) => r.cells.reduce((s, c) => s + c.seconds, 0);
    const round = (x: number) => Math.round(x * 10) / 10;
    records.push({
      lesson,
      submissions: n,
      jobs,
      grade_s: round(grade_s),
      execute_s: round(execute_s),
      ratio: Math.round((grade_s / execute_s) * 100) / 100,
      per_submission_s: round(grade_s / n),
      instructor_s: round(instructor.seconds),
      kernel_start_s: round(students.reduce((s, r) => s + r.seconds - cells(r), 0)),
      cells_s: round(students.reduce((s, r) => s + cells(r), 0)),
    });
    console.table([records.at(-1)]);
  }
  const file = path.join(ROOT, "build", "bench", "grade.json");
  const machine = {
    cpus: os.cpus().length,
    load: os.loadavg().map((x) => Math.round(x * 10) / 10),
    node: process.version,
  };
  fs.writeFileSync(file, JSON.stringify({ records, machine }, null, 2) + "\n");
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
