/**
 * Executes a plan of cells in a fresh tslab kernel through grader/driver.py (jupyter_client), with the
 * kernel's memory capped (V8 heap limit in the kernelspec argv, and a resident-memory watchdog in the
 * driver), stdin closed, per-cell and whole-notebook timeouts, and a kill of the driver itself as the last
 * resort. Never rejects: a broken run comes back as a result that says so.
 */
import { spawn, spawnSync } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { ROOT, ensureJupyter, ensureLibBuilt, jupyterEnv } from "../scripts/jupyter";
import { RECORD_MIME } from "../lib/src/check/recordCheck";
import type { ExecutePlan, Executor, RunResult } from "./context";
import { kernelArgv, sandboxUnavailable } from "./sandbox";

export interface ExecuteOptions {
  /** Seconds a cell may run before it is interrupted (default 30). */
  cellTimeout?: number;
  /** Seconds the whole notebook may run, kernel start included (default 300). */
  notebookTimeout?: number;
  /** V8 heap limit of a kernel, MB (default 1024); the kernel is killed above memoryMb * 1.5 resident. */
  memoryMb?: number;
  /** Bytes of output kept per cell and per notebook (default 64 KB and 1 MB). */
  cellOutputBytes?: number;
  notebookOutputBytes?: number;
  /** Kernel restarts allowed per notebook after a hang or a death (default 3). */
  maxRestarts?: number;
  /** Folders a kernel must never see (the output, instructor and submissions folders). */
  hide?: string[];
}

/** Whether prepareGrading could put kernels in the sandbox (grader/sandbox.ts): null if so, else why not. */
let noSandbox: string | null = null;

export const GRADER_KERNEL = "tslab-grader";
// One kernelspec folder per grading process: concurrent batches (shards) may hide different folders.
const GRADER_JUPYTER = path.join(ROOT, "build", "grader", `jupyter-${process.pid}`);
const WORK = path.join(ROOT, "build", "grader", "work");

/**
 * The command prefix that runs a kernel in its own PID namespace (util-linux unshare), or null when this
 * machine does not allow it. Inside, the kernel sees only itself and a `sh` that is the namespace's init:
 * it cannot signal the driver, the grader or other submissions' kernels, and /proc shows none of them.
 * The `sh` also keeps the kernel from being init itself, which would make it immune to its own SIGKILL.
 */
export function isolation(): string[] | null {
  const base = ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child"];
  const variants =
    process.getuid?.() === 0 ? [base] : [["unshare", "--user", "--map-root-user", ...base.slice(1)]];
  for (const v of variants) {
    const r = spawnSync(v[0], [...v.slice(1), "/bin/sh", "-c", "exit 0"], {
      stdio: "ignore",
      timeout: 10_000,
    });
    if (r.status === 0) return v;
  }
  return null;
}

/** Prepares lib, Jupyter and the grader's kernelspec; returns the Python that runs the driver. */
export function prepareGrading(options: ExecuteOptions = {}, log: (line: string) => void = () => {}): string {
  try {
    ensureLibBuilt(log);
  } catch (e) {
    if (!fs.existsSync(path.join(ROOT, "lib", "dist", "index.js"))) throw e;
    log(`warning: ${(e as Error).message}; grading with the lib/dist that exists`);
  }
  const python = ensureJupyter(log).python;
  const dir = path.join(GRADER_JUPYTER, "kernels", GRADER_KERNEL);
  fs.mkdirSync(dir, { recursive: true });
  const tslab = path.join(ROOT, "node_modules", "tslab", "bin", "tslab");
  const kernel = [
    process.execPath,
    `--max-old-space-size=${options.memoryMb ?? 1024}`,
    tslab,
    "kernel",
    "--config-path",
    "{connection_file}",
  ];
  noSandbox = sandboxUnavailable({ root: ROOT, hide: options.hide ?? [] });
  process.on("exit", () => fs.rmSync(GRADER_JUPYTER, { recursive: true, force: true }));
  const isolate = noSandbox ? isolation() : null;
  if (noSandbox && !isolate)
    log("warning: unshare is not available: kernels run without their own PID namespace");
  const spec = {
    argv: !noSandbox
      ? kernelArgv(kernel, { root: ROOT, hide: options.hide ?? [] })
      : isolate
        ? [...isolate, "/bin/sh", "-c", '"$@"; exit $?', "sh", ...kernel]
        : kernel,
    display_name: "TypeScript (tslab, grader)",
    language: "typescript",
    interrupt_mode: "signal",
  };
  fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
  return python;
}

/** An Executor that runs each plan in its own fresh kernel and working folder. */
export function makeExecutor(python: string, options: ExecuteOptions = {}): Executor {
  const notebookTimeout = options.notebookTimeout ?? 300;
  const memoryMb = options.memoryMb ?? 1024;
  return (plan: ExecutePlan) =>
    new Promise<RunResult>((resolve) => {
      const cwd = path.join(WORK, randomBytes(8).toString("hex"));
      fs.mkdirSync(cwd, { recursive: true });
      const full = {
        kernelName: GRADER_KERNEL,
        cwd,
        // The sandboxed kernel has no host loopback: Unix sockets in a folder of its own.
        ipcDir: noSandbox ? undefined : `${cwd}.ipc`,
        cellTimeout: options.cellTimeout ?? 30,
        notebookTimeout,
        cellOutputCap: options.cellOutputBytes ?? 64 * 1024,
        notebookOutputCap: options.notebookOutputBytes ?? 1024 * 1024,
        hardOutputCap: 16 * 1024 * 1024,
        memoryCapMb: Math.round(memoryMb * 1.5),
        maxRestarts: options.maxRestarts ?? 3,
        recordMime: RECORD_MIME,
        cells: plan.cells,
      };
      const env = jupyterEnv(process.env, python);
      env.JUPYTER_PATH = `${GRADER_JUPYTER}${path.delimiter}${env.JUPYTER_PATH}`;
      const child = spawn(python, [path.join(__dirname, "driver.py")], {
        cwd,
        env,
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => {
        if (stderr.length < 20000) stderr += d;
      });
      child.stdin.on("error", () => {});
      child.stdin.end(JSON.stringify(full));
      let killed = false;
      const term = setTimeout(
        () => {
          killed = true;
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 5000).unref();
        },
        (notebookTimeout + 90) * 1000,
      );
      child.on("close", (code) => {
        clearTimeout(term);
        fs.rmSync(cwd, { recursive: true, force: true });
        fs.rmSync(`${cwd}.ipc`, { recursive: true, force: true });
        try {
          const r = JSON.parse(stdout) as RunResult;
          if (Array.isArray(r.cells)) return resolve(r);
        } catch {
          // reported below
        }
        const why = killed
          ? `the grader stopped the run after ${notebookTimeout + 90} s`
          : `the kernel driver failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`;
        resolve({ started: false, message: why, cells: [], restarts: 0, events: [why], seconds: 0 });
      });
    });
}
