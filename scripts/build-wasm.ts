/**
 * Builds the MLP's WebAssembly SIMD kernel: lib/assembly/gemm.ts (AssemblyScript) -> lib/wasm/gemm.wasm.
 * The .wasm (1.3 kB) is committed, so installing the course needs neither this step nor the network; run
 * it after editing the AssemblyScript source. `--check` rebuilds into a temporary file and fails if the
 * committed .wasm differs (a CI step).
 *
 *   npx tsx scripts/build-wasm.ts [--check]
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const source = path.join(root, "lib", "assembly", "gemm.ts");
const target = path.join(root, "lib", "wasm", "gemm.wasm");
const check = process.argv.includes("--check");
const out = check ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wasm-")), "gemm.wasm") : target;
const asc = path.join(root, "node_modules", "assemblyscript", "bin", "asc.js");
// Flags: release build without runtime or abort import; memory comes from the caller (one per model).
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
    console.error(`${path.relative(root, target)} is out of date: run npx tsx scripts/build-wasm.ts`);
    process.exit(1);
  }
  console.log(`${path.relative(root, target)} matches ${path.relative(root, source)}`);
} else {
  console.log(`wrote ${path.relative(root, target)} (${fs.statSync(target).size} bytes)`);
}
