/**
 * `npm test`: builds lib, type-checks, lints, runs the unit tests, executes every notebook through Jupyter,
 * then runs the integration tests (runner, npm start, browser, grader, site). Ends with one line `N passed, N failed` counting
 * checks, tests and notebooks. `npm test -- --unit` stops after the unit tests. `npm test -- --runtime` runs
 * what depends on the Node that runs it (lib and native builds, golden replay, unit tests, every notebook),
 * not the source checks (type-check, lint, format, wasm sources) nor the integration tests: what CI runs
 * again on the newest Node LTS.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../jupyter/environment";
import { ensureLiteInstalled } from "./build-lite";
import { executeNotebooks, formatResult, lessonNotebooks } from "../jupyter/executeNotebook";

let passed = 0;
let failed = 0;

function tally(name: string, ok: boolean, detail = ""): void {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
}

function run(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit" });
  return r.status === 0;
}

const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** Test files under `dir` (relative to test/), recursively. */
function testFiles(dir: string): string[] {
  const root = path.join(ROOT, "test", dir);
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== "fixtures" && e.name !== "__snapshots__") walk(p);
      else if (e.isFile() && e.name.endsWith(".test.ts")) out.push(path.relative(ROOT, p));
    }
  };
  walk(root);
  return out.sort();
}

/** Runs node's test runner on `files`; adds its pass/fail counts to the totals. */
function nodeTests(label: string, files: string[], concurrency: number): void {
  if (files.length === 0) return;
  const tap = path.join(ROOT, "build", "test", `${label}.tap`);
  fs.mkdirSync(path.dirname(tap), { recursive: true });
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--test",
      `--test-concurrency=${concurrency}`,
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=tap",
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, "utf8") : "";
  const count = (k: string) => Number(new RegExp(`^# ${k} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
  const p = count("pass");
  const f = count("fail") + count("cancelled");
  passed += p;
  failed += f;
  if (r.status !== 0 && f === 0) tally(`${label} tests (runner exited ${r.status})`, false);
  console.log(`${label} tests: ${p} passed, ${f} failed`);
}

async function main(): Promise<void> {
  const unitOnly = process.argv.includes("--unit");
  const runtimeOnly = process.argv.includes("--runtime");
  console.log(`Node ${process.version} (${process.execPath})`);
  tally(
    "build lib (tsc -p lib)",
    run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "lib/tsconfig.json"]),
  );
  // On Linux the native kernels must build (the machines have cc and Node's headers); elsewhere they may not.
  tally(
    "build native kernels (scripts/build-native.ts)",
    run(process.execPath, [
      "--import",
      "tsx",
      "scripts/build-native.ts",
      ...(process.platform === "linux" ? ["--strict"] : []),
    ]),
  );
  if (!runtimeOnly) {
    tally(
      "type-check (tsc --noEmit)",
      run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"]),
    );
    tally("lint (eslint)", run(bin("eslint"), ["."]));
    tally("format (prettier --check)", run(bin("prettier"), ["--check", "--log-level=warn", "."]));
    tally(
      "wasm kernels match their AssemblyScript sources",
      run(process.execPath, ["--import", "tsx", "scripts/build-wasm.ts", "--check"]),
    );
  }
  const shared = path.join(ROOT, "..", "shared", "golden");
  const goldenFiles = [path.join("test", "fixtures", "golden")];
  if (fs.existsSync(shared)) goldenFiles.push(shared);
  tally(
    `golden replay (${goldenFiles.join(", ")})`,
    run(process.execPath, ["--import", "tsx", "scripts/golden.ts", ...goldenFiles]),
  );
  const all = testFiles("");
  const integration = all.filter((f) => f.startsWith(path.join("test", "integration")));
  nodeTests(
    "unit",
    all.filter((f) => !integration.includes(f)),
    2,
  );
  if (!unitOnly) {
    // Notebooks first: the site build in the integration tests reuses their executed copies.
    const results = await executeNotebooks(lessonNotebooks(), {
      onResult: (r) => console.log(formatResult(r)),
    });
    for (const r of results) {
      if (r.ok) passed++;
      else failed++;
    }
    console.log(
      `notebooks: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed`,
    );
    if (!runtimeOnly) {
      // The JupyterLite edition's packages (lite/, not part of `npm install`), installed once, and its
      // sources type-checked; its browser test builds it.
      let liteReady = true;
      try {
        ensureLiteInstalled();
      } catch (e) {
        liteReady = false;
        console.error(e instanceof Error ? e.message : e);
      }
      tally("install lite/ (npm ci --prefix lite, once)", liteReady);
      if (liteReady)
        tally(
          "type-check lite/ (tsc -p lite)",
          run(process.execPath, [
            path.join(ROOT, "node_modules/typescript/bin/tsc"),
            "-p",
            "lite/tsconfig.json",
          ]),
        );
      nodeTests("integration", integration, 1);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exitCode = 1;
});
