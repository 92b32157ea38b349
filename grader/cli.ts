/**
 * The grader's command line.
 *   npx tsx grader/cli.ts release [--source notebooks] [--out build/release]
 *   npx tsx grader/cli.ts grade <submissions> --out <dir> [--source notebooks] [--jobs N]
 *       [--cell-timeout S] [--notebook-timeout S] [--memory-mb M]
 * grade writes <dir>/grades.json, <dir>/grades.csv and <dir>/feedback/<student>/<notebook>.html, and
 * exits 0 when the batch was graded, whatever the scores (1 on bad usage or a broken instructor notebook).
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../scripts/jupyter";
import { prepareGrading, makeExecutor } from "./execute";
import { gradeBatch, loadAssignments } from "./grade";
import { releaseAll } from "./release";
import { feedbackHtml, gradesCsv, gradesJson } from "./report";

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
    const python = prepareGrading(options, console.log);
    const report = await gradeBatch(path.resolve(submissions), assignments, makeExecutor(python, options), {
      concurrency: jobs,
      log: console.log,
    });
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "grades.json"), gradesJson(report));
    fs.writeFileSync(path.join(out, "grades.csv"), gradesCsv(report));
    for (const n of report.results) {
      const dir = path.join(out, "feedback", n.student);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${n.notebook}.html`), feedbackHtml(n, report.grader));
    }
    console.log(
      `graded ${report.results.length} notebook(s) in ${report.seconds.toFixed(1)} s; wrote ${out}/grades.json, grades.csv, feedback/`,
    );
    return 0;
  }
  throw new Error(`unknown command ${String(command)}: release | grade`);
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
