/**
 * Comparing a lesson's outputs in a browser edition (the live pages, JupyterLite) with tslab's executed copy
 * (build/executed/): printed lines equal but for timings, displays equal (a figure's plotly JSON, a table's
 * HTML), with the exceptions of NOT_COMPARED.
 */
import assert from "node:assert/strict";
import * as path from "path";
import { executeNotebooks, formatResult } from "../../jupyter/executeNotebook";
import { libSha256, staleReason } from "../../jupyter/freshness";

const root = path.resolve(__dirname, "..", "..");

/** Lines that differ between runs by nature: wall-clock timings. */
const TIMING = /\b\d+(\.\d+)? ?(s|ms)\b|\bin \d+(\.\d+)? ?s\b/;

export interface Notebook {
  cells: { cell_type: string; source: string[] | string; outputs?: RefOutput[] }[];
}
export interface RefOutput {
  output_type: string;
  name?: string;
  text?: string[] | string;
  data?: Record<string, unknown>;
}

export function joined(s: string[] | string | undefined): string {
  return Array.isArray(s) ? s.join("") : (s ?? "");
}

/**
 * Outputs that cannot equal tslab's, by lesson and code cell (1-based), and why. Everything else must, to
 * the last digit: lib and the lessons compute exp, log, pow, sin, cos, … with lib's detMath, which gives
 * the same bits on every engine (test/integration/detMath-engines.test.ts), where the engines' Math do not.
 * - A table of wall-clock timings.
 * - Lesson 10 trains on Debian's full Fashion-MNIST where it is installed (as under Jupyter here); the
 *   browser has the course's subset: its outputs are checked for errors only.
 */
const NOT_COMPARED: Record<string, { cells: number[] | "all"; why: string }> = {
  "08-adam.ipynb": { cells: [17], why: "timings" },
  "10-deep-network.ipynb": { cells: "all", why: "another data set" },
};

export function compared(lesson: string, cell: number): boolean {
  const skip = NOT_COMPARED[lesson];
  return !skip || (skip.cells !== "all" && !skip.cells.includes(cell));
}

/** The differences between a cell's outputs in the browser and in tslab's executed copy. */
export function compareOutputs(where: string, got: RefOutput[], want: RefOutput[]): string[] {
  const out: string[] = [];
  const stdout = (os: { output_type: string; name?: string; text?: string[] | string }[]) =>
    os
      .filter((o) => o.output_type === "stream" && o.name === "stdout")
      .map((o) => joined(o.text))
      .join("")
      .split("\n");
  const a = stdout(got);
  const b = stdout(want);
  if (a.length !== b.length) out.push(`${where}: ${a.length} printed lines, tslab ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i] && !(TIMING.test(a[i]) && TIMING.test(b[i])))
      out.push(`${where}, line ${i + 1}:\n  browser ${a[i]}\n  tslab   ${b[i]}`);
  }
  const displays = (os: { output_type: string; data?: Record<string, unknown> }[]) =>
    os.filter((o) => o.output_type === "display_data").map((o) => o.data ?? {});
  const da = displays(got);
  const db = displays(want);
  if (da.length !== db.length) out.push(`${where}: ${da.length} displays, tslab ${db.length}`);
  for (let i = 0; i < Math.min(da.length, db.length); i++) {
    const plotly = "application/vnd.plotly.v1+json";
    const x = da[i];
    const y = db[i];
    try {
      // The runner keeps a figure's plotly JSON and drops its HTML copy (which inlines plotly.js) from the
      // executed copy (jupyter/driver.py): compare the parts the executed copy keeps.
      const kept = (d: Record<string, unknown>) =>
        Object.keys(d).filter((k) => !(plotly in d && k === "text/html"));
      assert.deepEqual(kept(x).sort(), kept(y).sort());
      if (plotly in x) {
        const fx = x[plotly] as { data: unknown; layout: unknown };
        const fy = y[plotly] as { data: unknown; layout: unknown };
        assert.deepEqual(fx.data, fy.data);
        assert.deepEqual(fx.layout, fy.layout);
        assert.equal(joined(x["text/plain"] as string), joined(y["text/plain"] as string[]));
      } else {
        for (const k of Object.keys(x)) assert.equal(joined(x[k] as string), joined(y[k] as string[]));
      }
    } catch (e) {
      out.push(`${where}, display ${i + 1}: ${(e as Error).message.slice(0, 400)}`);
    }
  }
  return out;
}

/**
 * tslab's executed copies of `notebooks` (build/executed/, as `npm test` and `npm run execute` leave
 * them), executed now through Jupyter where missing or stale.
 */
export async function executedCopies(notebooks: string[]): Promise<Map<string, string>> {
  const libHash = libSha256(root);
  const out = path.join(root, "build", "executed");
  const stale = notebooks.filter((f) => staleReason(f, path.join(out, path.basename(f)), libHash));
  if (stale.length > 0) {
    const results = await executeNotebooks(stale, { log: () => {} });
    for (const r of results) assert.ok(r.ok, formatResult(r));
  }
  return new Map(notebooks.map((f) => [path.basename(f), path.join(out, path.basename(f))]));
}
