/**
 * The grader's command line.
 *   npx tsx grader/cli.ts release [--source notebooks] [--out build/release]
 *   npx tsx grader/cli.ts grade <submissions> --out <dir> [--source notebooks] [--jobs N]
 *       [--cell-timeout S] [--notebook-timeout S] [--memory-mb M] [--force] [--student ID]... [--shard I/N]
 *   npx tsx grader/cli.ts merge <dir>... --out <dir>
 *   npx tsx grader/cli.ts manual <dir>
 * grade writes each (student, notebook) result to <dir>/results/ as soon as it is known, reusing those whose
 * submission, instructor notebook, grader version and limits are unchanged (incremental.ts), then assembles
 * <dir>/grades.json, <dir>/grades.csv, <dir>/feedback/<student>/<notebook>.html, the executed notebooks
 * <dir>/executed/<student>/<notebook>.ipynb and <dir>/manual.csv (the manually graded answers, keeping the
 * points an instructor already entered there, and applying them) from the results. It exits 0 when the
 * batch was graded, whatever the scores (1 on bad usage or a broken instructor notebook). merge assembles
 * the results of several shards' folders into one (refusing results of different instructor notebooks,
 * grader versions or limits). manual applies the points of <dir>/manual.csv and rewrites grades.json,
 * grades.csv and the feedback pages without running anything; it exits 1, changing nothing, when a row is
 * wrong (naming file and line).
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../jupyter/environment";
import { prepareKernel, makeExecutor } from "../jupyter/runner";
import { sandboxUnavailable } from "../jupyter/sandbox";
import { checkMergeable, mergeResults, reportOf } from "./assemble";
import { loadAssignments } from "./grade";
import type { BatchReport } from "./grade";
import { gradeIncremental } from "./incremental";
import { Progress } from "./progress";
import { readAllResults, writeAtomic, writeResult } from "./results";
import { parseShard } from "./shard";
import { applyManual, manualCsv, readManualCsv, type ManualRow } from "./manual";
import { parseNotebook, type Notebook } from "../jupyter/notebook";
import { releaseAll } from "./release";
import { FEEDBACK_PLOTLY, feedbackHtml, gradesCsv, gradesJson, reportFromJson } from "./report";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`${name} needs a value`);
  args.splice(i, 2);
  return v;
}

function flag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

function all(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let v = option(args, name); v !== undefined; v = option(args, name)) values.push(v);
  return values;
}

function num(args: string[], name: string): number | undefined {
  const v = option(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n > 0)) throw new Error(`Invalid ${name}: ${v}`);
  return n;
}

const executedFile = (out: string, student: string, notebook: string) =>
  path.join(out, "executed", student, `${notebook}.ipynb`);

const manualFile = (out: string) => path.join(out, "manual.csv");

/** grades.json, grades.csv and the feedback pages of a report. */
function writeReport(out: string, report: BatchReport): void {
  writeAtomic(path.join(out, "grades.json"), gradesJson(report));
  writeAtomic(path.join(out, "grades.csv"), gradesCsv(report));
  let figures = false;
  for (const n of report.results) {
    const html = feedbackHtml(n, report.grader);
    figures ||= html.includes(`src="../${FEEDBACK_PLOTLY}"`);
    writeAtomic(path.join(out, "feedback", n.student, `${n.notebook}.html`), html);
  }
  const plotly = path.join(out, "feedback", FEEDBACK_PLOTLY);
  if (figures && !fs.existsSync(plotly)) {
    fs.copyFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), `${plotly}.tmp`);
    fs.renameSync(`${plotly}.tmp`, plotly);
  }
}

/** The executed notebooks, kept so that `manual` can rewrite the feedback pages without a new run. */
function writeExecuted(out: string, report: BatchReport): void {
  for (const n of report.results) {
    if (!n.executed) continue;
    writeAtomic(executedFile(out, n.student, n.notebook), JSON.stringify(n.executed, null, 1) + "\n");
  }
}

/** The rows an instructor left in manual.csv ([] when there is no such file). */
function manualRows(file: string): ManualRow[] {
  return fs.existsSync(file) ? readManualCsv(fs.readFileSync(file, "utf8"), file) : [];
}

/**
 * After grading: the instructor's earlier manual points applied (from <out>/manual.csv and, in a merge,
 * the shards' manual.csv), and manual.csv written with them kept.
 */
function keepManual(out: string, report: BatchReport, more: string[] = []): BatchReport {
  const file = manualFile(out);
  let rows: ManualRow[];
  let applied: BatchReport;
  try {
    rows = [file, ...more.map(manualFile)].flatMap(manualRows);
    // A row scored in one file wins over the same row left empty in another.
    const key = (r: ManualRow) => `${r.student}\n${r.question}`;
    const scored = new Set(rows.filter((r) => r.points !== "").map(key));
    const seen = new Set<string>();
    rows = rows.filter((r) => {
      if (more.length === 0) return true;
      if ((r.points === "" && scored.has(key(r))) || seen.has(key(r))) return false;
      seen.add(key(r));
      return true;
    });
    applied = applyManual(report, rows, file);
  } catch (e) {
    // Never overwrite the instructor's work: leave the file as it is, for them to mend.
    console.error(
      `${(e as Error).message}\n${file} left unchanged; fix it, then run: npm run grade:manual -- ${out}`,
    );
    return report;
  }
  writeAtomic(file, manualCsv(applied, rows));
  return applied;
}

function summary(report: BatchReport): string {
  const manual = report.results.flatMap((n) => n.grades.filter((g) => g.manual));
  const scored = manual.filter((g) => g.status === "graded").length;
  return `${manual.length} answer(s) graded by hand, ${scored} scored, ${manual.length - scored} to score in manual.csv`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const args = [...rest];
  const source = path.resolve(option(args, "--source") ?? path.join(ROOT, "notebooks"));
  if (command === "release") {
    const out = path.resolve(option(args, "--out") ?? path.join(ROOT, "build", "release"));
    const files = releaseAll(out, source);
    console.log(`released ${files.length} notebook(s) to ${path.relative(process.cwd(), out) || "."}`);
    return 0;
  }
  if (command === "grade") {
    const out = option(args, "--out");
    const jobs = num(args, "--jobs");
    const cellTimeout = num(args, "--cell-timeout");
    const notebookTimeout = num(args, "--notebook-timeout");
    const memoryMb = num(args, "--memory-mb");
    const force = flag(args, "--force");
    const students = all(args, "--student");
    const shardText = option(args, "--shard");
    const shard = shardText === undefined ? undefined : parseShard(shardText);
    const [submissions] = args;
    if (!submissions || !out || args.length !== 1) {
      throw new Error(
        "usage: grade <submissions> --out <dir> [--source dir] [--jobs N] [--cell-timeout S] [--notebook-timeout S] [--memory-mb M] [--force] [--student ID]... [--shard I/N|auto/N]",
      );
    }
    if (!fs.existsSync(submissions)) throw new Error(`no submissions folder: ${submissions}`);
    const assignments = loadAssignments(source);
    if (assignments.length === 0) throw new Error(`no graded notebooks in ${source}`);
    const hide = [out, source, submissions, path.join(ROOT, "notebooks"), path.join(ROOT, "build")].map((p) =>
      path.resolve(p),
    );
    const options = { cellTimeout, notebookTimeout, memoryMb, hide, sandbox: true };
    const started = Date.now();
    const unsandboxed = sandboxUnavailable({ root: ROOT, hide });
    if (unsandboxed) {
      console.log(
        `warning: no sandbox (${unsandboxed}): submissions' kernels can read and write this user's files and reach the network; results on disk are not reused, every submission is graded again`,
      );
    }
    const limits = `cell=${cellTimeout ?? 30} notebook=${notebookTimeout ?? 300} memory=${memoryMb ?? 1024}`;
    const run = await gradeIncremental({
      out: path.resolve(out),
      submissionsDir: path.resolve(submissions),
      assignments,
      executor: () => makeExecutor(prepareKernel(options, console.log), options),
      limits,
      students,
      shard,
      force: force || unsandboxed !== null,
      concurrency: jobs,
      log: console.log,
      progress: (total) => new Progress(total),
    });
    const names = new Set(assignments.map((a) => a.name));
    const mine = new Set(run.students);
    const stored = readAllResults(out).filter(
      (r) => mine.has(r.result.student) && names.has(r.result.notebook),
    );
    const report = reportOf(stored, (Date.now() - started) / 1000);
    const final = keepManual(out, report);
    writeReport(out, final);
    writeExecuted(out, final);
    console.log(
      `graded ${run.graded} notebook(s), reused ${run.reused}, in ${report.seconds.toFixed(1)} s; wrote ${out}/grades.json, grades.csv, feedback/, executed/, manual.csv (${report.results.length} notebook(s)); ${summary(final)}`,
    );
    return 0;
  }
  if (command === "merge") {
    const out = option(args, "--out");
    if (!out || args.length === 0)
      throw new Error("usage: merge <dir>... --out <dir> (the --out folders of the shards)");
    const sets = args.map((dir) => {
      if (!fs.existsSync(path.join(dir, "results")))
        throw new Error(`no results in ${dir}: not a grade --out folder`);
      return { dir, results: readAllResults(dir) };
    });
    checkMergeable([...sets, { dir: out, results: readAllResults(out) }]);
    const merged = mergeResults(sets);
    for (const s of merged) {
      if (path.resolve(out) !== path.resolve(sets.find((x) => x.results.includes(s))!.dir)) {
        writeResult(out, s.key, s.questions, s.result);
      }
    }
    const report = reportOf(merged, 0);
    const final = keepManual(out, report, args);
    writeReport(out, final);
    writeExecuted(out, final);
    console.log(
      `merged ${merged.length} notebook result(s) of ${new Set(merged.map((s) => s.result.student)).size} student(s) from ${args.length} folder(s) into ${out}; ${summary(final)}`,
    );
    return 0;
  }
  if (command === "manual") {
    const [out] = args;
    if (!out || args.length !== 1) throw new Error("usage: manual <dir> (the --out folder of grade)");
    const json = path.join(out, "grades.json");
    if (!fs.existsSync(json)) throw new Error(`no ${json}: grade the submissions first`);
    const file = manualFile(out);
    if (!fs.existsSync(file)) throw new Error(`no ${file}`);
    const executedOf = (student: string, notebook: string): Notebook | undefined => {
      const nb = executedFile(out, student, notebook);
      return fs.existsSync(nb) ? parseNotebook(fs.readFileSync(nb, "utf8"), nb) : undefined;
    };
    const report = reportFromJson(fs.readFileSync(json, "utf8"), executedOf);
    const applied = applyManual(report, manualRows(file), file);
    writeReport(out, applied);
    console.log(`wrote ${out}/grades.json, grades.csv, feedback/; ${summary(applied)}`);
    return 0;
  }
  throw new Error(`unknown command ${String(command)}: release | grade | merge | manual`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}

export { main };
