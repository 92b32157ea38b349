/**
 * `npm run build -- [--instructor] [--out DIR] [--no-api] [notebook ...]`: the course as a static website
 * in build/site/ (see scripts/site/buildSite.ts). Executes the lessons without a fresh executed copy in
 * build/executed/, prints the time per lesson and in total, writes build/site/build.json, and exits non-zero
 * when a lesson failed to execute or render, or the API reference failed.
 */
import * as path from "path";
import { buildSite, formatReport } from "./site/buildSite";
import { ROOT } from "../jupyter/environment";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files: string[] = [];
  let siteDir = path.join(ROOT, "build", "site");
  let instructor = false;
  let api = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--instructor") instructor = true;
    else if (a === "--no-api") api = false;
    else if (a === "--out") siteDir = path.resolve(args[++i] ?? "");
    else if (a.startsWith("--"))
      throw new Error(`Unknown option: ${a} (options: --instructor, --out DIR, --no-api)`);
    else files.push(a);
  }
  const report = await buildSite({
    siteDir,
    instructor,
    api,
    notebooks: files.length > 0 ? files : undefined,
  });
  console.log(formatReport(report, path.relative(process.cwd(), siteDir) || "."));
  process.exitCode = report.ok ? 0 : 1;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
