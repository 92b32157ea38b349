/**
 * Builds the fused optimizer steps: lib/assembly/optimStep.ts (AssemblyScript) -> lib/wasm/optimStep.wasm,
 * loaded by lib/src/optim/fastOptimizer.ts (the same scheme as scripts/build-wasm.ts for the MLP's gemm).
 * The .wasm (about 1 kB) is committed, so installing the course needs neither this step nor the network; run
 * it after editing the AssemblyScript source. `--check` rebuilds into a temporary file and fails if the
 * committed .wasm differs (a CI step).
 *
 *   npx tsx scripts/build-optim-wasm.ts [--check]
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const source = path.join(root, "lib", "assembly", "optimStep.ts");
const target = path.join(root, "lib", "wasm", "optimStep.wasm");
const check = process.argv.includes("--check");
const out = check ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wasm-")), "optimStep.wasm") : target;
const asc = path.join(root, "node_modules", "assemblyscript", "bin", "asc.js");
// Flags: release build without runtime or abort import; memory comes from the caller (one per optimizer).
const flags = [
  "-O3",
  "--noAssert",
  "--runtime",
  "stub",
  "--importMemory",
  "--enable",
  "simd",
  "--use",
  "abort=",
];
execFileSync(process.execPath, [asc, source, "-o", out, ...flags], { stdio: "inherit" });
if (check) {
  if (!fs.readFileSync(out).equals(fs.readFileSync(target))) {
    console.error(`${path.relative(root, target)} is out of date: run npx tsx scripts/build-optim-wasm.ts`);
    process.exit(1);
  }
  console.log(`${path.relative(root, target)} matches ${path.relative(root, source)}`);
} else {
  console.log(`wrote ${path.relative(root, target)} (${fs.statSync(target).size} bytes)`);
}
