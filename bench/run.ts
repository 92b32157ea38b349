/**
 * `npm run bench -- [name ...] [--option value ...]`: runs bench/<name>.ts for each name (all benchmarks when none). Each
 * benchmark compares against its peer (torch, scikit-learn, tfjs) in the same run, prints a table and
 * writes build/bench/<name>.json. The benchmarks import @dlopt/lib (lib/dist), so lib is built first: they
 * measure the sources as they are.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ensureLibBuilt } from "../jupyter/environment";

const dir = __dirname;
/** Modules of bench/ that are not benchmarks: this runner and what the benchmarks share. */
const HELPERS = ["run.ts", "peers.ts"];
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !HELPERS.includes(f) && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();
// Arguments starting with "--" are options passed on to every chosen benchmark (`-- mlp --repeats 3`).
const names = process.argv
  .slice(2)
  .filter((a, k, all) => !a.startsWith("--") && !all[k - 1]?.startsWith("--"));
const options = process.argv.slice(2).filter((a) => !names.includes(a));
const chosen = names.length > 0 ? names : available;
ensureLibBuilt();
let failed = 0;
for (const name of chosen) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(", ")}`);
    failed++;
    continue;
  }
  console.log(`\n== bench ${name} ==`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, `${name}.ts`), ...options], {
    stdio: "inherit",
  });
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
