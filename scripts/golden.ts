/**
 * Replays golden trajectory files (format `optim-golden/1`, shared/golden/FORMAT.md) with the course's
 * library and prints one line per case and schedule, then a summary line:
 *
 *   npx tsx scripts/golden.ts FILE_OR_DIR...      (npm run golden -- FILE...)
 *
 *   golden: <cases> cases, <schedules> schedules, max error <e>, failed <n>
 *
 * Exits 1 when a case or schedule disagrees by more than 1e-10 (relative), is unsupported (unknown
 * optimizer, option, function or scheduler), or a file is malformed; 2 without arguments. The replay
 * itself is lib's `replayGolden`; this script only reads files and prints.
 */
import * as fs from "fs";
import * as path from "path";
import { functionByName, replayGolden, schedulerByName } from "@dlopt/lib";

function expand(arg: string): string[] {
  if (fs.existsSync(arg) && fs.statSync(arg).isDirectory()) {
    return fs
      .readdirSync(arg)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => path.join(arg, f));
  }
  return [arg];
}

function main(args: string[]): number {
  if (args.length === 0) {
    console.error("usage: npx tsx scripts/golden.ts FILE_OR_DIR... (files in the optim-golden/1 format)");
    return 2;
  }
  let cases = 0;
  let schedules = 0;
  let maxError = 0;
  let failed = 0;
  for (const file of args.flatMap(expand)) {
    let doc: unknown;
    try {
      doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      console.log(`${file}: malformed: ${e instanceof Error ? e.message : String(e)}`);
      failed += 1;
      continue;
    }
    try {
      const report = replayGolden(doc, { functionByName, schedulerByName }, { file });
      console.log(`${file} (${report.reference || "no reference given"})`);
      for (const r of report.results) {
        const err = Number.isNaN(r.maxError) ? "-" : r.maxError.toExponential(2);
        const status = r.ok ? "ok  " : "FAIL";
        console.log(
          `  ${status} ${r.kind.padEnd(8)} ${r.id.padEnd(32)} ${err}${r.message ? `  ${r.message}` : ""}`,
        );
      }
      cases += report.cases;
      schedules += report.schedules;
      failed += report.failed;
      if (report.maxError > maxError) maxError = report.maxError;
    } catch (e) {
      console.log(`${e instanceof Error ? e.message : String(e)}`);
      failed += 1;
    }
  }
  console.log(
    `golden: ${cases} cases, ${schedules} schedules, max error ${maxError.toExponential(2)}, failed ${failed}`,
  );
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
