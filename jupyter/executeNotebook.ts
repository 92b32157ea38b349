/**
 * Executes notebooks through the one kernel runner (runner.ts, driver.py) with the tslab kernel, each in a
 * fresh kernel and working folder, and reports a verdict per notebook. Used by `npm run execute`, `npm test`
 * and the site build.
 *
 * tslab reports errors only as an execute_reply status and stderr text (no `error` output, no `ename`), and
 * aborts cells sent within 200 ms after an error. A notebook therefore fails on: a reply with status
 * `error` or `abort`, any stderr output, a code cell that never ran, a dead kernel, or a timeout (of a cell
 * or of the notebook). The run stops at the first failing cell. The executed copy (outputs and per-cell
 * timings) is written even when it fails; its `course_execution` metadata records the hashes that let the
 * site build reuse it (freshness.ts).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "./environment";
import { fileSha256, libSha256 } from "./freshness";
import { parseNotebook, serialize, sourceOf } from "./notebook";
import { makeExecutor, prepareKernel, type CellRun, type ExecuteOptions } from "./runner";

export interface Failure {
  /** 1-based index of the cell in the notebook. */
  cell: number;
  /** error | abort | stderr | timeout | dead | not-executed | runner */
  kind: string;
  message: string;
}

export interface NotebookRun {
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
  onResult?: (r: NotebookRun) => void;
  log?: (line: string) => void;
}

/** No output cap, and no restart: a lesson must run through in one kernel. */
const LESSON_RUNS: ExecuteOptions = {
  memoryMb: 4096,
  cellOutputBytes: Number.MAX_SAFE_INTEGER,
  notebookOutputBytes: Number.MAX_SAFE_INTEGER,
  hardOutputBytes: Number.MAX_SAFE_INTEGER,
  maxRestarts: 0,
  stopOnFailure: true,
};

/** Prepares lib, Jupyter and the lessons' kernelspec once; returns the Python that runs the driver. */
export function prepare(log: (line: string) => void = console.log): string {
  return prepareKernel(LESSON_RUNS, log);
}

/** The verdict on one code cell's run, or undefined when it passed. */
function cellFailure(r: CellRun | undefined, cell: number): Failure | undefined {
  if (!r) return { cell, kind: "not-executed", message: "the cell was never executed" };
  const stderr = r.stderr.trim();
  switch (r.status) {
    case "ok":
      return stderr ? { cell, kind: "stderr", message: stderr } : undefined;
    case "error":
    case "abort":
      return { cell, kind: r.status, message: stderr || r.message || `execute_reply status ${r.status}` };
    case "timeout":
    case "dead":
      return { cell, kind: r.status, message: r.message };
    case "skipped":
      return r.message.includes("limit")
        ? { cell, kind: "timeout", message: r.message }
        : { cell, kind: "not-executed", message: r.message || "the cell was never executed" };
  }
}

/** Executes one notebook and resolves with its verdict (never rejects for a failing notebook). */
export async function executeNotebook(
  python: string,
  file: string,
  options: RunOptions = {},
): Promise<NotebookRun> {
  const outDir = options.outDir ?? path.join(ROOT, "build", "executed");
  fs.mkdirSync(outDir, { recursive: true });
  const output = path.join(outDir, path.basename(file));
  const started = Date.now();
  let nb;
  try {
    nb = parseNotebook(fs.readFileSync(file, "utf8"), file);
  } catch (e) {
    const failure = { cell: 0, kind: "runner", message: (e as Error).message };
    return { notebook: file, ok: false, cells: 0, codeCells: 0, seconds: 0, failure, output };
  }
  const code = nb.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.cell_type === "code");
  const executor = makeExecutor(python, {
    ...LESSON_RUNS,
    cellTimeout: options.cellTimeout ?? 120,
    notebookTimeout: options.notebookTimeout ?? 300,
  });
  const run = await executor({ cells: code.map(({ c, i }) => ({ key: String(i), source: sourceOf(c) })) });
  const runs = new Map(run.cells.map((r) => [r.key, r]));
  let failure: Failure | undefined = run.started
    ? undefined
    : { cell: 0, kind: "runner", message: run.message ?? "the kernel did not start" };
  for (const { c, i } of code) {
    const r = runs.get(String(i));
    c.outputs = r?.outputs ?? [];
    c.execution_count = r?.execution_count ?? null;
    if (r?.timing && Object.keys(r.timing).length > 0) c.metadata.execution = r.timing;
    failure ??= cellFailure(r, i + 1);
  }
  // source_sha256 and lib_sha256 let the site build reuse this executed copy while both are unchanged.
  nb.metadata.course_execution = {
    seconds: run.seconds,
    ok: failure === undefined,
    source_sha256: fileSha256(file),
    lib_sha256: libSha256(ROOT),
  };
  fs.writeFileSync(output, serialize(nb));
  return {
    notebook: file,
    ok: failure === undefined,
    cells: nb.cells.length,
    codeCells: code.length,
    seconds: (Date.now() - started) / 1000,
    failure,
    output,
  };
}

/** Executes notebooks with bounded concurrency, in the given order of start; results keep input order. */
export async function executeNotebooks(files: string[], options: RunOptions = {}): Promise<NotebookRun[]> {
  const python = prepare(options.log);
  const concurrency = Math.max(1, options.concurrency ?? Math.min(2, os.cpus().length));
  const results: NotebookRun[] = new Array(files.length);
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
export function formatResult(r: NotebookRun): string {
  const name = path.relative(ROOT, r.notebook);
  const head = `${r.ok ? "PASS" : "FAIL"} ${name}  ${r.cells} cells  ${r.seconds.toFixed(1)} s`;
  if (r.ok || !r.failure) return head;
  const where = r.failure.cell > 0 ? `cell ${r.failure.cell}` : "notebook";
  return `${head}\n     ${name}, ${where} (${r.failure.kind}): ${r.failure.message.split("\n").join("\n     ")}`;
}
