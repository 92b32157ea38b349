/**
 * Builds the library's WebAssembly SIMD kernels from AssemblyScript, lib/assembly/<name>.ts ->
 * lib/wasm/<name>.wasm: gemm (the MLP's matrix product), adam32 (the MLP's fused Adam step),
 * sparseLogistic (per-sample sparse SGD and Adagrad) and optimStep (fastOptimizer's fused steps). The
 * .wasm files (a few kB each) are committed, so installing the course needs neither this step nor the network; run it
 * after editing the AssemblyScript sources. `--check` rebuilds into a temporary folder and fails if a
 * committed .wasm differs (a CI step).
 *
 *   npx tsx scripts/build-wasm.ts [--check]
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const KERNELS = ["gemm", "adam32", "sparseLogistic", "optimStep"];
const check = process.argv.includes("--check");
const tmp = check ? fs.mkdtempSync(path.join(os.tmpdir(), "wasm-")) : "";
const asc = path.join(root, "node_modules", "assemblyscript", "bin", "asc.js");
// Flags: release build without runtime or abort import; memory comes from the caller (one per model or
// optimizer).
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
let stale = 0;
for (const name of KERNELS) {
  const source = path.join(root, "lib", "assembly", `${name}.ts`);
  const target = path.join(root, "lib", "wasm", `${name}.wasm`);
  const out = check ? path.join(tmp, `${name}.wasm`) : target;
  execFileSync(process.execPath, [asc, source, "-o", out, ...flags], { stdio: "inherit" });
  if (!check) console.log(`wrote ${path.relative(root, target)} (${fs.statSync(target).size} bytes)`);
  else if (fs.existsSync(target) && fs.readFileSync(out).equals(fs.readFileSync(target))) {
    console.log(`${path.relative(root, target)} matches ${path.relative(root, source)}`);
  } else {
    console.error(`${path.relative(root, target)} is out of date: run npx tsx scripts/build-wasm.ts`);
    stale++;
  }
}
process.exitCode = stale > 0 ? 1 : 0;
