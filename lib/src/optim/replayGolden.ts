import { checkOptionKeys } from "../core/validate";
import type { Schedule, TestFunction } from "../core/types";
import { minimize } from "./minimize";
import { camelCaseKey, optimizerFromTorch } from "./registry";

/** The only format {@link replayGolden} reads (see shared/golden/FORMAT.md). */
export const GOLDEN_FORMAT = "optim-golden/1";

/** The agreement threshold of FORMAT.md: relative error |a - b| / max(1, |b|) at most 1e-10. */
export const GOLDEN_TOLERANCE = 1e-10;

/** Where the replay finds test functions and schedulers by their golden-file names. */
export interface GoldenResolvers {
  /** A test function by name ("rosenbrock") for points of length `dim`; throws when unknown. */
  functionByName(name: string, dim: number): TestFunction;
  /** torch's scheduler by class name ("CosineAnnealingLR"), its base lr and camelCase options. */
  schedulerByName(name: string, baseLr: number, options: Record<string, unknown>): Schedule;
}

/** One replayed case or schedule. */
export interface GoldenResult {
  kind: "case" | "schedule";
  id: string;
  /** Largest relative error over every coordinate of every point, loss and lr (NaN when not run). */
  maxError: number;
  /** Whether it ran and agreed within the tolerance. */
  ok: boolean;
  /** Why it failed: unsupported optimizer, option, function or scheduler, or where it first disagrees. */
  message?: string;
}

/** What {@link replayGolden} returns for one file. */
export interface GoldenReport {
  file: string;
  reference: string;
  results: GoldenResult[];
  cases: number;
  schedules: number;
  /** Largest error over the results that ran. */
  maxError: number;
  failed: number;
}

/** Thrown when a file is not a well-formed `optim-golden/1` document; the message names file and place. */
export class GoldenFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GoldenFormatError";
  }
}

/** The golden error of a value a against the reference b: |a - b| / max(1, |b|); NaN counts as Infinity. */
export function relativeError(a: number, b: number): number {
  const e = Math.abs(a - b) / Math.max(1, Math.abs(b));
  return Number.isNaN(e) ? Infinity : e;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Shape checks: each throws a GoldenFormatError naming the file and the JSON path. */
class Shape {
  constructor(readonly file: string) {}
  fail(where: string, what: string): never {
    throw new GoldenFormatError(`${this.file}: ${where} ${what}`);
  }
  object(v: unknown, where: string): Json {
    if (!isObject(v)) this.fail(where, `must be an object, got ${describe(v)}`);
    return v;
  }
  string(v: unknown, where: string): string {
    if (typeof v !== "string" || v.length === 0)
      this.fail(where, `must be a non-empty string, got ${describe(v)}`);
    return v;
  }
  number(v: unknown, where: string): number {
    if (typeof v !== "number" || !Number.isFinite(v))
      this.fail(where, `must be a finite number, got ${describe(v)}`);
    return v;
  }
  count(v: unknown, where: string): number {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      this.fail(where, `must be an integer >= 0, got ${describe(v)}`);
    }
    return v;
  }
  numbers(v: unknown, where: string, length?: number): number[] {
    if (!Array.isArray(v)) this.fail(where, `must be an array of numbers, got ${describe(v)}`);
    if (length !== undefined && v.length !== length)
      this.fail(where, `has length ${v.length}, expected ${length}`);
    v.forEach((e, i) => this.number(e, `${where}[${i}]`));
    return v as number[];
  }
  array(v: unknown, where: string, length?: number): unknown[] {
    if (!Array.isArray(v)) this.fail(where, `must be an array, got ${describe(v)}`);
    if (length !== undefined && v.length !== length)
      this.fail(where, `has length ${v.length}, expected ${length}`);
    return v;
  }
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 40)}...` : s;
}

interface GoldenCase {
  id: string;
  optimizer: string;
  options: Json;
  function: string;
  x0: number[];
  steps: number;
  loss: number[];
  trajectory: number[][];
}

interface GoldenSchedule {
  id: string;
  scheduler: string;
  lr: number;
  options: Json;
  steps: number;
  lrs: number[];
}

function parseCase(shape: Shape, raw: unknown, where: string): GoldenCase {
  const c = shape.object(raw, where);
  const x0 = shape.numbers(c.x0, `${where}.x0`);
  if (x0.length === 0) shape.fail(`${where}.x0`, "must not be empty");
  const steps = shape.count(c.steps, `${where}.steps`);
  const trajectory = shape
    .array(c.trajectory, `${where}.trajectory`, steps + 1)
    .map((p, t) => shape.numbers(p, `${where}.trajectory[${t}]`, x0.length));
  return {
    id: shape.string(c.id, `${where}.id`),
    optimizer: shape.string(c.optimizer, `${where}.optimizer`),
    options: c.options === undefined ? {} : shape.object(c.options, `${where}.options`),
    function: shape.string(c.function, `${where}.function`),
    x0,
    steps,
    loss: shape.numbers(c.loss, `${where}.loss`, steps),
    trajectory,
  };
}

function parseSchedule(shape: Shape, raw: unknown, where: string): GoldenSchedule {
  const s = shape.object(raw, where);
  const steps = shape.count(s.steps, `${where}.steps`);
  return {
    id: shape.string(s.id, `${where}.id`),
    scheduler: shape.string(s.scheduler, `${where}.scheduler`),
    lr: shape.number(s.lr, `${where}.lr`),
    options: s.options === undefined ? {} : shape.object(s.options, `${where}.options`),
    steps,
    lrs: shape.numbers(s.lrs, `${where}.lrs`, steps),
  };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function replayCase(c: GoldenCase, resolvers: GoldenResolvers, tolerance: number): GoldenResult {
  const result: GoldenResult = { kind: "case", id: c.id, maxError: NaN, ok: false };
  let fn: TestFunction;
  let run;
  try {
    fn = resolvers.functionByName(c.function, c.x0.length);
    const optimizer = optimizerFromTorch(c.optimizer, c.options);
    run = minimize(fn, optimizer, c.x0, { steps: c.steps });
  } catch (e) {
    result.message = `unsupported: ${errorMessage(e)}`;
    return result;
  }
  let max = 0;
  let first: string | undefined;
  const note = (err: number, where: string) => {
    if (err > max) max = err;
    if (first === undefined && !(err <= tolerance))
      first = `first disagreement at ${where} (error ${err.toExponential(2)})`;
  };
  for (let t = 0; t <= c.steps; t++) {
    const ours = run.xs[t];
    const ref = c.trajectory[t];
    for (let i = 0; i < ref.length; i++) note(relativeError(ours[i], ref[i]), `trajectory[${t}][${i}]`);
    if (t < c.steps) note(relativeError(run.losses[t], c.loss[t]), `loss[${t}]`);
  }
  result.maxError = max;
  result.ok = first === undefined;
  if (first !== undefined) result.message = first;
  return result;
}

function replaySchedule(s: GoldenSchedule, resolvers: GoldenResolvers, tolerance: number): GoldenResult {
  const result: GoldenResult = { kind: "schedule", id: s.id, maxError: NaN, ok: false };
  let schedule: Schedule;
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(s.options)) {
    // torch's neutral bookkeeping arguments, not schedule options: dropped at their default values.
    if ((key === "last_epoch" && value === -1) || (key === "verbose" && value === false)) continue;
    options[camelCaseKey(key)] = Array.isArray(value) ? [...value] : value;
  }
  try {
    schedule = resolvers.schedulerByName(s.scheduler, s.lr, options);
  } catch (e) {
    result.message = `unsupported: ${errorMessage(e)}`;
    return result;
  }
  let max = 0;
  for (let t = 0; t < s.steps; t++) {
    let err: number;
    try {
      err = relativeError(schedule(t), s.lrs[t]);
    } catch (e) {
      result.message = `unsupported: ${errorMessage(e)}`;
      return result;
    }
    if (err > max) max = err;
    if (result.message === undefined && !(err <= tolerance)) {
      result.message = `first disagreement at lrs[${t}] (error ${err.toExponential(2)})`;
    }
  }
  result.maxError = max;
  result.ok = result.message === undefined;
  return result;
}

/**
 * Replays a parsed `optim-golden/1` document (shared/golden/FORMAT.md) with this library: every case
 * (g = ∇f(x), optimizer step, record x) and every schedule, compared with the reference by relative
 * error. Pure: returns the per-case results, prints nothing. A malformed document throws a
 * {@link GoldenFormatError} naming `file` and what is wrong; an unknown optimizer, option, function or
 * scheduler fails that case only, with the reason.
 *
 * @param doc the parsed JSON
 * @param resolvers test functions and schedulers by name (lib's `functionByName`, `schedulerByName`)
 * @param options.file the file name used in messages (default "<golden>")
 * @param options.tolerance default 1e-10 (FORMAT.md)
 * @example
 * const report = replayGolden(JSON.parse(fs.readFileSync(file, "utf8")), { functionByName, schedulerByName }, { file });
 * console.log(report.failed, report.maxError < 1e-10);
 * //=> 0 true
 */
export function replayGolden(
  doc: unknown,
  resolvers: GoldenResolvers,
  options: { file?: string; tolerance?: number } = {},
): GoldenReport {
  checkOptionKeys("replayGolden", options, { file: true, tolerance: true });
  const file = options.file ?? "<golden>";
  const tolerance = options.tolerance ?? GOLDEN_TOLERANCE;
  const shape = new Shape(file);
  const top = shape.object(doc, "the document");
  if (top.format !== GOLDEN_FORMAT) {
    shape.fail("format", `must be "${GOLDEN_FORMAT}", got ${describe(top.format)}`);
  }
  if (top.cases === undefined && top.schedules === undefined)
    shape.fail("the document", "has no cases and no schedules");
  const cases = (top.cases === undefined ? [] : shape.array(top.cases, "cases")).map((c, i) =>
    parseCase(shape, c, `cases[${i}]`),
  );
  const schedules = (top.schedules === undefined ? [] : shape.array(top.schedules, "schedules")).map((s, i) =>
    parseSchedule(shape, s, `schedules[${i}]`),
  );
  const results = [
    ...cases.map((c) => replayCase(c, resolvers, tolerance)),
    ...schedules.map((s) => replaySchedule(s, resolvers, tolerance)),
  ];
  let maxError = 0;
  for (const r of results) if (r.maxError > maxError) maxError = r.maxError;
  return {
    file,
    reference: typeof top.reference === "string" ? top.reference : "",
    results,
    cases: cases.length,
    schedules: schedules.length,
    maxError,
    failed: results.filter((r) => !r.ok).length,
  };
}
