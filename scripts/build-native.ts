/**
 * Builds the native kernels, lib/native/<name>.c -> lib/native/build/<name>.node, Node-API addons compiled
 * for this machine's processor (-march=native: AVX-512 where there is one). It runs at
 * `npm install` (the root postinstall) and needs a C compiler and Node's headers, which these machines have
 * (Debian's gcc; the headers ship with Node under <prefix>/include/node). Nothing is downloaded.
 *
 * It never fails the install: without a compiler or headers, or on a compile error, it prints why and
 * the library runs the WebAssembly kernels instead. The addons: optimStep (fastOptimizer's fused
 * steps), sparseLogistic (trainLogistic's per-sample epochs) and mlp32 (the MLP's matrix product and Adam step). `--strict` makes a failure an error (exit code 1).
 *
 *   npx tsx scripts/build-native.ts [--strict]
 *
 * The flags keep the results bit-identical to the readable optimizers: -ffp-contract=off (no fused
 * multiply-add) and no -ffast-math; -fno-math-errno only lets sqrt be the vector instruction.
 *
 * Beside each addon, <name>.node.json records the machine it was built for (processor model, platform,
 * architecture): code for this processor may crash on another, so lib/src/core/nativeAddon.ts loads it only on
 * the same kind of machine (a checkout copied elsewhere uses WebAssembly until `npm run build:native`).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { nativeBuildMachine } from "@dlopt/lib";

const root = path.resolve(__dirname, "..");
const ADDONS = ["optimStep", "sparseLogistic", "mlp32"];
const strict = process.argv.includes("--strict");

/** The folder holding node_api.h: npm's nodedir setting, else the headers installed beside this Node. */
function nodeHeaders(): string | undefined {
  const candidates = [
    process.env.npm_config_nodedir ? path.join(process.env.npm_config_nodedir, "include", "node") : "",
    path.join(path.dirname(process.execPath), "..", "include", "node"),
  ];
  return candidates.find((dir) => dir !== "" && fs.existsSync(path.join(dir, "node_api.h")));
}

function compilerFlags(headers: string): string[] {
  const flags = ["-O3", "-march=native", "-ffp-contract=off", "-fno-math-errno", "-std=c11"];
  flags.push("-Wall", "-Wextra", "-Wno-unused-parameter", "-fPIC", "-shared");
  flags.push("-fvisibility=hidden", `-I${headers}`, "-DNAPI_VERSION=8");
  // Node-API symbols come from the node process that loads the addon.
  if (process.platform === "darwin") flags.push("-undefined", "dynamic_lookup");
  return flags;
}

function build(name: string): string | undefined {
  const source = path.join(root, "lib", "native", `${name}.c`);
  const target = path.join(root, "lib", "native", "build", `${name}.node`);
  if (process.platform === "win32") return "no build on Windows (the WebAssembly kernels serve)";
  // On macOS without the command-line tools, running cc would open an installer dialog: ask first.
  if (process.platform === "darwin" && spawnSync("xcode-select", ["-p"]).status !== 0) {
    return "no command-line developer tools (xcode-select --install)";
  }
  const headers = nodeHeaders();
  if (headers === undefined) return "Node's headers (node_api.h) not found";
  const compiler = process.env.CC ?? "cc";
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(`${target}.json`, { force: true });
  const args = [...compilerFlags(headers), source, "-o", partial, "-lm"];
  const run = spawnSync(compiler, args, { encoding: "utf8" });
  if (run.error !== undefined) return `${compiler} not runnable: ${run.error.message}`;
  if (run.status !== 0) return `${compiler} ${args.join(" ")} failed:\n${run.stderr}`;
  if (run.stderr.trim() !== "") console.warn(run.stderr.trim()); // warnings
  fs.renameSync(partial, target);
  // Load it once here, so a broken addon is found at install time and not in a lesson.
  const probe = spawnSync(
    process.execPath,
    ["-e", `if (Object.keys(require(${JSON.stringify(target)})).length === 0) process.exit(1)`],
    {
      encoding: "utf8",
    },
  );
  if (probe.status !== 0) {
    fs.rmSync(target, { force: true });
    return `the built addon does not load:\n${probe.stderr}`;
  }
  fs.writeFileSync(`${target}.json`, JSON.stringify(nativeBuildMachine(), null, 2) + "\n");
  return undefined;
}

for (const name of ADDONS) {
  const problem = build(name);
  if (problem === undefined) {
    console.log(`native kernels: wrote lib/native/build/${name}.node`);
  } else {
    console.warn(`native kernels ${name} not built (${problem}); the library uses WebAssembly`);
    if (strict) process.exitCode = 1;
  }
}
