/**
 * The browser runtime: a Web Worker that runs a lesson's cells with tslab's own converter and executor
 * (tslab/dist/converter.js and executor.js, bundled from node_modules): each cell is type-checked against
 * the declarations of earlier cells and the .d.ts of the packages it imports, refused with tslab's message
 * when ill-typed, rewritten so that later cells see its declarations, and run. Outputs go to the page as
 * Jupyter messages (stream, display_data, update_display_data), attributed to the cell running.
 *
 * Messages in: `{ type: "execute", id, code }`. Out: `{ type: "ready", ms, phases }` (the start's steps
 * as milliseconds since the worker was created (origin: its performance.timeOrigin): loaded, types, modules,
 * converter, ready), `{ type: "output", id, msg }`
 * where msg is a Jupyter output (`output_type` stream | display_data | update_display_data), and
 * `{ type: "done", id, ok, ms }`.
 */
import * as ts from "@tslab/typescript-for-tslab";
import { formatWithOptions } from "node-inspect-extracted";
import * as platform from "./platform";
import { setModuleRequire, setRunHook, setServedFiles } from "./platform";
import { virtualSys, type TypeFiles } from "./vfs";
import { moduleRequire } from "./modules";
import { setDisplayWriter } from "./tslabJupyter";
import { printQuickInfo } from "tslab/dist/inspect";

interface Converted {
  output?: string;
  diagnostics: unknown[];
}
interface Converter {
  convert(prevDecl: string, src: string): Converted;
  complete(prevDecl: string, src: string, pos: number): unknown;
  inspect(prevDecl: string, src: string, pos: number): unknown;
  close(): void;
}
interface Executor {
  execute(src: string): Promise<boolean>;
  complete(src: string, pos: number): { start: number; end: number; candidates: string[] };
  inspect(src: string, pos: number): ts.QuickInfo | undefined;
}

const scope = self as unknown as {
  postMessage(msg: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: unknown;
  onunhandledrejection: unknown;
};

let currentId = -1;

function post(msg: Record<string, unknown>): void {
  scope.postMessage({ type: "output", id: currentId, msg });
}

function stream(name: "stdout" | "stderr", text: string): void {
  post({ output_type: "stream", name, text });
}

// ---- the console: Node's formatting (util.inspect ported), lines streamed ------------------------------

/** A piece of code run (a cell's, in tslab's wrapper) and the converter's ES module output and map of it. */
interface Run {
  code: string;
  /** The execution count of the cell (tslab's `In [N]`). */
  count: number;
  esm?: string;
  map?: string;
}
const runs: Run[] = [];
/** The converter's last emit (set by the patched converter, see browser/build.ts). */
let pendingEmit: { esm?: string; map?: string } = {};
let executionCount = 0;

/** Names each run `tslab-cell-N.js` in stack traces and keeps what maps it back to its cell. */
function onRun(code: string): string {
  runs.push({ code, count: executionCount, ...pendingEmit });
  pendingEmit = {};
  return `tslab-cell-${runs.length - 1}.js`;
}

/**
 * The cell's own line and column (1-based) for a position in run `n`'s code, through the converter's source
 * map (cell to ES module) and TypeScript's CommonJS rewrite (ES module to the code run), recomputed here with
 * a source map; undefined when the position is not in the cell's code.
 */
function cellPosition(
  n: number,
  line: number,
  col: number,
): { line: number; col: number } | "wrapper" | undefined {
  const run = runs[n];
  if (!run?.esm || !run.map) return undefined;
  // The executor's call of its wrapper function, `})(__tslab__.exports, __tslab__.require)`, is the last line.
  if (line === run.code.split("\n").length) return "wrapper";
  const cjs = ts.transpileModule(run.esm, {
    fileName: "custom.js",
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      esModuleInterop: true,
      target: ts.ScriptTarget.ES2022,
      newLine: ts.NewLineKind.LineFeed,
      noImplicitUseStrict: true,
      sourceMap: true,
    },
  });
  // The executor puts `(function(exports, require) { ` (or an async function) before the code's first line.
  const prefix = run.code.indexOf("{ ") + 2;
  const genLine = line - 1;
  const genCol = genLine === 0 ? col - 1 - prefix : col - 1;
  const inEsm = mapBack(JSON.parse(cjs.sourceMapText!).mappings, genLine, genCol);
  const inSrc = inEsm && mapBack(JSON.parse(run.map).mappings, inEsm.line, inEsm.col);
  // The converter puts `export {};\n` before the cell's source: its line 1 is the source's line 0.
  return inSrc && inSrc.line >= 1 ? { line: inSrc.line, col: inSrc.col + 1 } : undefined;
}

/** The source position of the last mapping at or before (line, col) of the generated code; 0-based. */
function mapBack(mappings: string, line: number, col: number): { line: number; col: number } | undefined {
  let best: { line: number; col: number } | undefined;
  const it = (ts as unknown as { decodeMappings(m: string): Iterator<MappingLike> }).decodeMappings(mappings);
  for (let r = it.next(); !r.done; r = it.next()) {
    const m = r.value;
    if (m.sourceLine === undefined) continue;
    if (m.generatedLine > line || (m.generatedLine === line && m.generatedCharacter > col)) break;
    best = { line: m.sourceLine, col: m.sourceCharacter! };
  }
  return best;
}
interface MappingLike {
  generatedLine: number;
  generatedCharacter: number;
  sourceLine?: number;
  sourceCharacter?: number;
}

/**
 * Node's formatting of console arguments. In an error's stack, a frame in a cell's code names the cell by
 * its execution count, line and column (`at f (In [3]:2:9)`); the frames of tslab's wrapper and of the
 * worker itself are dropped.
 */
function format(args: unknown[]): string {
  const text = formatWithOptions({}, ...args);
  if (!text.includes("tslab-cell-")) return text;
  return text
    .split("\n")
    .filter((l) => !/^\s+at .*(worker\.js|<anonymous>\))/.test(l))
    .map((l) =>
      l.replace(/tslab-cell-(\d+)\.js:(\d+):(\d+)/g, (all, n: string, line: string, col: string) => {
        const pos = cellPosition(Number(n), Number(line), Number(col));
        if (pos === "wrapper") return "\0";
        return pos ? `In [${runs[Number(n)].count}]:${pos.line}:${pos.col}` : all;
      }),
    )
    .filter((l) => !l.includes("\0"))
    .join("\n");
}

const timers = new Map<string, number>();
const nodeConsole = {
  log: (...a: unknown[]) => stream("stdout", format(a) + "\n"),
  info: (...a: unknown[]) => stream("stdout", format(a) + "\n"),
  debug: (...a: unknown[]) => stream("stdout", format(a) + "\n"),
  dir: (a: unknown) => stream("stdout", formatWithOptions({}, a) + "\n"),
  error: (...a: unknown[]) => stream("stderr", format(a) + "\n"),
  warn: (...a: unknown[]) => stream("stderr", format(a) + "\n"),
  trace: (...a: unknown[]) => stream("stderr", "Trace: " + format(a) + "\n"),
  time: (label = "default") => void timers.set(label, performance.now()),
  timeEnd: (label = "default") => {
    const t = timers.get(label);
    timers.delete(label);
    if (t !== undefined) stream("stdout", `${label}: ${(performance.now() - t).toFixed(3)}ms\n`);
  },
};

// ---- start ------------------------------------------------------------------------------------------------

let converterModule: unknown;
let executor: Executor | undefined;

/** The files the worker's prelude (browser/build.ts) fetches while TypeScript loads. */
const prefetched = (self as unknown as { __courseFetches: Record<string, Promise<string>> }).__courseFetches;

async function json<T>(file: string): Promise<T> {
  const text = prefetched[file];
  if (!text) throw new Error(`${file} is not among the files worker.js's prelude fetches`);
  return JSON.parse(await text) as T;
}

async function start(): Promise<void> {
  // performance.now() counts from the worker's creation: the first mark is worker.js fetched and compiled.
  const phases: Record<string, number> = { origin: performance.timeOrigin, loaded: performance.now() };
  const mark = (name: string) => (phases[name] = performance.now());
  const base = new URL(".", self.location.href).href;
  const [files, gzipped, types] = await Promise.all([
    json<string[]>("files.json"),
    json<string[]>("gzipped.json"),
    json<TypeFiles>("types.json"),
  ]);
  mark("types");
  // Node's globals, for the lessons' code and the bundled packages (TypeScript sees process.browser).
  Object.assign(globalThis, { process: platform.process, Buffer: platform.Buffer });
  setServedFiles(files, base + "files/", gzipped);
  (ts as unknown as { setSys(s: ts.System): void }).setSys(virtualSys(types));
  (globalThis as unknown as { console: unknown }).console = nodeConsole;
  setModuleRequire(moduleRequire);
  setRunHook(onRun);
  // The package bundles' built-ins (see browser/build.ts).
  (globalThis as unknown as { __coursePlatform: unknown }).__coursePlatform = platform;
  setDisplayWriter((data, isUpdate) =>
    post({ output_type: isUpdate ? "update_display_data" : "display_data", ...data }),
  );
  // Loaded after ts.sys is set: the converter reads it when it loads.

  converterModule = require("tslab/dist/converter");
  const { createConverter } = converterModule as { createConverter(): Converter };

  const { createExecutor } = require("tslab/dist/executor") as {
    createExecutor(root: string, convs: unknown, console: unknown): Executor;
  };
  mark("modules");
  const conv = createConverter();
  mark("converter");
  const emitted = converterModule as { lastEmittedOutput?: string; lastEmittedSourceMap?: string };
  const recording: Converter = {
    convert(prevDecl, src) {
      emitted.lastEmittedOutput = emitted.lastEmittedSourceMap = undefined;
      const r = conv.convert(prevDecl, src);
      pendingEmit = { esm: emitted.lastEmittedOutput, map: emitted.lastEmittedSourceMap };
      return r;
    },
    complete: (prevDecl, src, pos) => conv.complete(prevDecl, src, pos),
    inspect: (prevDecl, src, pos) => conv.inspect(prevDecl, src, pos),
    close: () => conv.close(),
  };
  const convs = { node: recording, browser: recording, close: () => conv.close() };
  executor = createExecutor("/course/notebooks", convs, { log: nodeConsole.log, error: nodeConsole.error });
  mark("ready");
  scope.postMessage({ type: "ready", ms: phases.ready - phases.loaded, phases });
}

scope.onunhandledrejection = (e: PromiseRejectionEvent) => {
  nodeConsole.error("UnhandledPromiseRejection:", e.reason);
  e.preventDefault();
};
scope.onerror = (e: ErrorEvent) => {
  nodeConsole.error("UncaughtException:", e.error ?? e.message);
  e.preventDefault();
};

/**
 * Completion and inspection (Tab, Shift-Tab in JupyterLab), as tslab's kernel answers them: from its
 * executor, over the declarations of the cells run so far. `{ type: "complete" | "inspect", id, code, pos }`
 * in, `{ type: "reply", id, content }` out.
 */
function answer(data: { type: string; id: number; code: string; pos: number }): void {
  let content: unknown;
  try {
    if (data.type === "complete") content = executor!.complete(data.code, data.pos);
    else {
      const info = executor!.inspect(data.code, data.pos);
      content = info ? printQuickInfo(info) : undefined;
    }
  } catch {
    content = undefined;
  }
  scope.postMessage({ type: "reply", id: data.id, content });
}

scope.onmessage = (e: MessageEvent) => {
  const data = e.data as { type: string; id: number; code: string; pos: number };
  if (data.type === "complete" || data.type === "inspect") return answer(data);
  if (data.type !== "execute") return;
  queue = queue.then(async () => {
    currentId = data.id;
    executionCount++;
    const t0 = performance.now();
    let ok = false;
    try {
      ok = await executor!.execute(data.code);
    } catch (err) {
      nodeConsole.error(err);
    }
    scope.postMessage({ type: "done", id: data.id, ok, ms: performance.now() - t0 });
  });
};

/** Cells run one after the other, the first once the worker has started. */
let queue: Promise<unknown> = start().catch((err: unknown) =>
  scope.postMessage({ type: "failed", error: String((err as Error)?.stack ?? err) }),
);
