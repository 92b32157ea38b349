/**
 * Executes notebooks through Jupyter (nbclient, scripts/nbrun.py) with the tslab kernel, each in a clean
 * working folder, and reports a verdict per notebook. Used by `npm run execute`, `npm test` and the site build.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, ensureJupyter, ensureKernel, ensureLibBuilt, jupyterEnv, KERNEL_NAME } from "./jupyter";

export interface Failure {
  /** 1-based index of the cell in the notebook. */
  cell: number;
  /** error | abort | stderr | timeout | dead | not-executed | runner */
  kind: string;
  message: string;
}

export interface RunResult {
  notebook: string;
  ok: boolean;
  cells: number;
  codeCells: number;
  seconds: number;
  failure?: Failure;
  /** The executed copy, with outputs and per-cell timings. */
  output: string;
}

export interface RunOptions {
  /** Where executed copies go (default build/executed). */
  outDir?: string;
  /** Seconds a cell may run (default 120). */
  cellTimeout?: number;
  /** Seconds a whole notebook may run, kernel start included (default 300). */
  notebookTimeout?: number;
  /** Notebooks run at once (default: the number of cores, at most 2). */
  concurrency?: number;
  /** Called with each result as it completes. */
  onResult?: (r: RunResult) => void;
  log?: (line: string) => void;
}

/** Prepares Jupyter, the kernelspec and lib once; returns the Python to run nbclient with. */
export function prepare(log: (line: string) => void = console.log): string {
  ensureLibBuilt(log);
  const jupyter = ensureJupyter(log);
  ensureKernel();
  log(`Jupyter: ${jupyter.source}; kernel "${KERNEL_NAME}" from .jupyter/data/kernels`);
  return jupyter.python;
}

/** Executes one notebook and resolves with its verdict (never rejects for a failing notebook). */
export function executeNotebook(python: string, file: string, options: RunOptions = {}): Promise<RunResult> {
  const outDir = options.outDir ?? path.join(ROOT, "build", "executed");
  const name = path.basename(file);
  const stem = name.replace(/\.ipynb$/, "");
  const work = path.join(ROOT, "build", "work", stem);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  const output = path.join(outDir, name);
  const args = [
    path.join(ROOT, "scripts", "nbrun.py"),
    path.resolve(file),
    output,
    "--cwd",
    work,
    "--cell-timeout",
    String(options.cellTimeout ?? 120),
    "--kernel",
    KERNEL_NAME,
  ];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(python, args, {
      cwd: work,
      env: jupyterEnv(process.env, python),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const limit = (options.notebookTimeout ?? 300) * 1000;
    const timer = setTimeout(() => child.kill("SIGKILL"), limit);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      const last = stdout.trim().split("\n").pop() ?? "";
      let verdict: Partial<RunResult> | undefined;
      try {
        verdict = JSON.parse(last);
      } catch {
        verdict = undefined;
      }
      if (verdict && typeof verdict.ok === "boolean") {
        resolve({
          notebook: file,
          ok: verdict.ok,
          cells: verdict.cells ?? 0,
          codeCells: verdict.codeCells ?? 0,
          seconds,
          failure: verdict.failure ?? undefined,
          output,
        });
        return;
      }
      const why = signal
        ? `the notebook exceeded its ${limit / 1000} s limit and was stopped`
        : `the runner exited with code ${code}: ${stderr.trim().split("\n").slice(-5).join("\n")}`;
      resolve({
        notebook: file,
        ok: false,
        cells: 0,
        codeCells: 0,
        seconds,
        failure: { cell: 0, kind: "runner", message: why },
        output,
      });
    });
  });
}

/** Executes notebooks with bounded concurrency, in the given order of start; results keep input order. */
export async function executeNotebooks(files: string[], options: RunOptions = {}): Promise<RunResult[]> {
  const python = prepare(options.log);
  const concurrency = Math.max(1, options.concurrency ?? Math.min(2, os.cpus().length));
  const results: RunResult[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await executeNotebook(python, files[i], options);
      options.onResult?.(results[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return results;
}

/** The course's lesson notebooks, in order. */
export function lessonNotebooks(): string[] {
  const dir = path.join(ROOT, "notebooks");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** One line per notebook: status, name, cells, seconds, and the failure with its cell. */
export function formatResult(r: RunResult): string {
  const name = path.relative(ROOT, r.notebook);
  const head = `${r.ok ? "PASS" : "FAIL"} ${name}  ${r.cells} cells  ${r.seconds.toFixed(1)} s`;
  if (r.ok || !r.failure) return head;
  const where = r.failure.cell > 0 ? `cell ${r.failure.cell}` : "notebook";
  return `${head}\n     ${name}, ${where} (${r.failure.kind}): ${r.failure.message.split("\n").join("\n     ")}`;
}
