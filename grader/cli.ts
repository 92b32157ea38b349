/**
 * The grader's command line.
 *   npx tsx grader/cli.ts release [--source notebooks] [--out build/release]
 *   npx tsx grader/cli.ts grade <submissions> --out <dir> [--source notebooks] [--jobs N]
 *       [--cell-timeout S] [--notebook-timeout S] [--memory-mb M]
 *   npx tsx grader/cli.ts manual <dir>
 * grade writes <dir>/grades.json, <dir>/grades.csv, <dir>/feedback/<student>/<notebook>.html, the executed
 * notebooks <dir>/executed/<student>/<notebook>.ipynb and <dir>/manual.csv (the manually graded answers,
 * keeping the points an instructor already entered there, and applying them), and exits 0 when the batch
 * was graded, whatever the scores (1 on bad usage or a broken instructor notebook). manual applies the
 * points of <dir>/manual.csv and rewrites grades.json, grades.csv and the feedback pages without running
 * anything; it exits 1, changing nothing, when a row is wrong (naming file and line).
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../jupyter/environment";
import { prepareKernel, makeExecutor } from "../jupyter/runner";
import { gradeBatch, loadAssignments } from "./grade";
import type { BatchReport } from "./grade";
import { applyManual, manualCsv, readManualCsv, type ManualRow } from "./manual";
import { parseNotebook, type Notebook } from "../jupyter/notebook";
import { releaseAll } from "./release";
import { feedbackHtml, gradesCsv, gradesJson, reportFromJson } from "./report";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`${name} needs a value`);
  args.splice(i, 2);
  return v;
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
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "grades.json"), gradesJson(report));
  fs.writeFileSync(path.join(out, "grades.csv"), gradesCsv(report));
  for (const n of report.results) {
    const dir = path.join(out, "feedback", n.student);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${n.notebook}.html`), feedbackHtml(n, report.grader));
  }
}

/** The executed notebooks, kept so that `manual` can rewrite the feedback pages without a new run. */
function writeExecuted(out: string, report: BatchReport): void {
  for (const n of report.results) {
    if (!n.executed) continue;
    const file = executedFile(out, n.student, n.notebook);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(n.executed, null, 1) + "\n");
  }
}

/** The rows an instructor left in manual.csv ([] when there is no such file). */
function manualRows(file: string): ManualRow[] {
  return fs.existsSync(file) ? readManualCsv(fs.readFileSync(file, "utf8"), file) : [];
}

/** After grading: the instructor's earlier manual points applied, and manual.csv written with them kept. */
function keepManual(out: string, report: BatchReport): BatchReport {
  const file = manualFile(out);
  let rows: ManualRow[];
  let applied: BatchReport;
  try {
    rows = manualRows(file);
    applied = applyManual(report, rows, file);
  } catch (e) {
    // Never overwrite the instructor's work: leave the file as it is, for them to mend.
    console.error(
      `${(e as Error).message}\n${file} left unchanged; fix it, then run: npm run grade:manual -- ${out}`,
    );
    return report;
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(file, manualCsv(applied, rows));
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
    const [submissions] = args;
    if (!submissions || !out || args.length !== 1) {
      throw new Error(
        "usage: grade <submissions> --out <dir> [--source dir] [--jobs N] [--cell-timeout S] [--notebook-timeout S] [--memory-mb M]",
      );
    }
    if (!fs.existsSync(submissions)) throw new Error(`no submissions folder: ${submissions}`);
    const assignments = loadAssignments(source);
    if (assignments.length === 0) throw new Error(`no graded notebooks in ${source}`);
    const options = { cellTimeout, notebookTimeout, memoryMb };
    const python = prepareKernel(options, console.log);
    const report = await gradeBatch(path.resolve(submissions), assignments, makeExecutor(python, options), {
      concurrency: jobs,
      log: console.log,
    });
    const final = keepManual(out, report);
    writeReport(out, final);
    writeExecuted(out, final);
    console.log(
      `graded ${report.results.length} notebook(s) in ${report.seconds.toFixed(1)} s; wrote ${out}/grades.json, grades.csv, feedback/, executed/, manual.csv; ${summary(final)}`,
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
  throw new Error(`unknown command ${String(command)}: release | grade | manual`);
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
