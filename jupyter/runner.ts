/**
 * The one kernel runner: executes a plan of cells in a fresh tslab kernel through jupyter/driver.py
 * (jupyter_client), with the kernel's memory capped (V8 heap limit in the kernelspec argv, and a
 * resident-memory watchdog in the driver), stdin closed, per-cell and whole-notebook timeouts, output caps,
 * kernel restarts, its own PID namespace, and a kill of the driver itself as the last resort. Never
 * rejects: a broken run comes back as a result that says so. The grader runs submissions with it, and
 * executeNotebook.ts runs the lessons (`npm run execute`, `npm test`, the site build) with it.
 */
import { spawn, spawnSync } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { RECORD_MIME } from "@dlopt/lib";
import { ROOT, ensureJupyter, ensureLibBuilt, jupyterEnv } from "./environment";
import type { Cell } from "./notebook";
import { kernelArgv, sandboxUnavailable, type SandboxOptions } from "./sandbox";

/** One executed cell as the kernel driver reports it. */
export interface CellRun {
  key: string;
  status: "ok" | "error" | "abort" | "timeout" | "dead" | "skipped";
  outputs: Cell["outputs"];
  stderr: string;
  records: unknown[];
  truncated: boolean;
  seconds: number;
  message: string;
  /** The reply's execution count (absent for a cell that did not run). */
  execution_count?: number | null;
  /** Jupyter's per-cell timestamps (metadata.execution of an executed notebook). */
  timing?: Record<string, string>;
}

export interface RunResult {
  started: boolean;
  message?: string;
  cells: CellRun[];
  restarts: number;
  events: string[];
  seconds: number;
}

export interface ExecutePlan {
  cells: { key: string; source: string; nonce?: string }[];
}

/** Runs cells in a fresh kernel (makeExecutor in production; a fake in unit tests). */
export type Executor = (plan: ExecutePlan) => Promise<RunResult>;

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
  /** Bytes of output received by a cell before it is interrupted (default 16 MB). */
  hardOutputBytes?: number;
  /** Kernel restarts allowed per notebook after a hang or a death (default 3). */
  maxRestarts?: number;
  /** Stop at the first cell that fails or writes to stderr; the rest come back skipped (default false). */
  stopOnFailure?: boolean;
  /** Run each kernel in the sandbox (jupyter/sandbox.ts): the grader's submissions (default false). */
  sandbox?: boolean;
  /** Folders a sandboxed kernel must never see (the output, instructor and submissions folders). */
  hide?: string[];
}

/**
 * Why kernels asked for the sandbox run outside it, or null once prepareKernel made the sandboxed kernelspec
 * (makeExecutor then connects over Unix sockets: a sandboxed kernel has no host loopback).
 */
let unsandboxed: string | null = "prepareKernel was not asked for the sandbox";

/** The kernel of a memory cap (the cap is part of the kernelspec's argv), sandboxed or not. */
export const runnerKernel = (memoryMb: number, sandboxed = false) =>
  `tslab-capped-${memoryMb}mb${sandboxed ? "-sandboxed" : ""}`;
// One kernelspec folder per process: concurrent runs (grading shards) may hide different folders.
const RUNNER_JUPYTER = path.join(ROOT, "build", "runner", `jupyter-${process.pid}`);
const WORK = path.join(ROOT, "build", "runner", "work");

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

/** Prepares lib, Jupyter and the runner's kernelspec; returns the Python that runs the driver. */
export function prepareKernel(options: ExecuteOptions = {}, log: (line: string) => void = () => {}): string {
  try {
    ensureLibBuilt(log);
  } catch (e) {
    if (!fs.existsSync(path.join(ROOT, "lib", "dist", "index.js"))) throw e;
    log(`warning: ${(e as Error).message}; running with the lib/dist that exists`);
  }
  const python = ensureJupyter(log).python;

  const tslab = path.join(ROOT, "node_modules", "tslab", "bin", "tslab");
  const kernel = [
    process.execPath,
    `--max-old-space-size=${options.memoryMb ?? 1024}`,
    tslab,
    "kernel",
    "--config-path",
    "{connection_file}",
  ];
  const wanted: SandboxOptions | null = options.sandbox ? { root: ROOT, hide: options.hide ?? [] } : null;
  if (wanted) unsandboxed = sandboxUnavailable(wanted);
  const sandbox = wanted && unsandboxed === null ? wanted : null;
  const dir = path.join(RUNNER_JUPYTER, "kernels", runnerKernel(options.memoryMb ?? 1024, sandbox !== null));
  fs.mkdirSync(dir, { recursive: true });
  process.on("exit", () => fs.rmSync(RUNNER_JUPYTER, { recursive: true, force: true }));
  const isolate = sandbox ? null : isolation();
  if (!sandbox && !isolate)
    log("warning: unshare is not available: kernels run without their own PID namespace");
  const spec = {
    argv: sandbox
      ? kernelArgv(kernel, sandbox)
      : isolate
        ? [...isolate, "/bin/sh", "-c", '"$@"; exit $?', "sh", ...kernel]
        : kernel,
    display_name: sandbox ? "TypeScript (tslab, sandboxed)" : "TypeScript (tslab, capped)",
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
  const sandboxed = options.sandbox === true && unsandboxed === null;
  return (plan: ExecutePlan) =>
    new Promise<RunResult>((resolve) => {
      const cwd = path.join(WORK, randomBytes(8).toString("hex"));
      fs.mkdirSync(cwd, { recursive: true });
      const full = {
        kernelName: runnerKernel(memoryMb, sandboxed),
        cwd,
        // The sandboxed kernel has no host loopback: Unix sockets in a folder of its own.
        ipcDir: sandboxed ? `${cwd}.ipc` : undefined,
        cellTimeout: options.cellTimeout ?? 30,
        notebookTimeout,
        cellOutputCap: options.cellOutputBytes ?? 64 * 1024,
        notebookOutputCap: options.notebookOutputBytes ?? 1024 * 1024,
        hardOutputCap: options.hardOutputBytes ?? 16 * 1024 * 1024,
        memoryCapMb: Math.round(memoryMb * 1.5),
        maxRestarts: options.maxRestarts ?? 3,
        stopOnFailure: options.stopOnFailure ?? false,
        recordMime: RECORD_MIME,
        cells: plan.cells,
      };
      const env = jupyterEnv(process.env, python);
      env.JUPYTER_PATH = `${RUNNER_JUPYTER}${path.delimiter}${env.JUPYTER_PATH}`;
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
          ? `the runner stopped the run after ${notebookTimeout + 90} s`
          : `the kernel driver failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`;
        resolve({ started: false, message: why, cells: [], restarts: 0, events: [why], seconds: 0 });
      });
    });
}
