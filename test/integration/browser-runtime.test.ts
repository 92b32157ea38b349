/**
 * The browser runtime (browser/) in headless Chromium, served from the loopback with every other request
 * aborted: the same cells run in the page's worker and in Node by tslab's own converter and executor
 * (tslabReference.ts) print the same text, refuse the same ill-typed cells with the same messages, and
 * keep the same declarations across cells; a runtime error names the cell's own line and column; output is
 * streamed while a cell runs; displays reach the page as Jupyter messages; Restart ends `while (true) {}`.
 * The lessons themselves run on the live pages (site-live.test.ts) and in JupyterLite (lite-browser.test.ts),
 * compared with tslab's executed copies by lessonOutputs.ts.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import type * as http from "http";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { buildBrowser } from "../../browser/build";
import { serveStatic } from "../../scripts/serve";
import type { CellResult } from "../../browser/src/runtime";

const root = path.resolve(__dirname, "..", "..");

/** Cells run in order, in the browser and in tslab, whose outputs must be the same. */
const CELLS = [
  "const a: number = 1;",
  "let b = a + 1;",
  "function sq(x: number): number {\n  return x * x;\n}",
  "class P {\n  constructor(public x: number) {}\n  norm() {\n    return Math.abs(this.x);\n  }\n}",
  "enum Color {\n  Red,\n  Green,\n}",
  "interface Pt {\n  x: number;\n  y: number;\n}",
  "type Vec = number[];",
  'import { sgd } from "@dlopt/lib";',
  "const p: Pt = { x: a, y: b };\nconst v: Vec = [sq(3), new P(-2).norm(), Color.Green];\n[p, v, typeof sgd]",
  "b = b + 10;\nb",
  "const a: number = 1;",
  "a + b",
  "const y: string = 5;",
  "y",
  "let q = 1 +;",
  "new Float64Array([1, 2.5])",
  "({ m: new Map([['k', new Float32Array(3)]]), s: new Set([1]), n: null, big: 10n, deep: { d: { e: { f: 1 } } } })",
  "[1.5e-7, -0, 2 ** 60, 'text', [undefined, null]]",
  "const t = await Promise.resolve(42);",
  "t + 1",
  "console.log('x', 1, [1, 'a'], new Float64Array(2));\nconsole.error('warn %d', 3);",
  "const fs = 1;\nconst ts = 2;\nconst platform = 3;\nconst moduleRequire = 4;\nconst post = 5;",
  "fs + ts + platform + moduleRequire + post",
  'import { sgd as sgd2 } from "@dlopt/lib";\nimport * as math from "mathjs";\n[typeof sgd2, math.det([[1, 2], [3, 4]])]',
  'import * as dfd from "danfojs-node";\nnew dfd.DataFrame({ a: [1, 2] }).shape',
  // danfo's statistics (mathjs), tensors (TensorFlow.js core on the CPU) and sample (tfjs-data).
  "const df = new dfd.DataFrame({ a: [1, 2, 4], b: [3, 5, 9] });\n" +
    "[df.std().values, df.median().values, df.mode().values, df.var({ axis: 0 }).values, df.mean({ axis: 0 }).values, df.tensor.sum().arraySync(), dfd.tensorflow.getBackend()]",
  "(await df.sample(2, { seed: 1 })).values",
  "function thrower(n: number) {\n  if (n > 1) {\n    throw new Error('boom ' + n);\n  }\n}",
  "const before = 1;\nthrower(2);",
  "before",
  "'still running'",
];
/** Cells that throw at run time: Node prints positions in generated code, the browser the cell's own. */
const THROWS = new Set([CELLS.indexOf("const before = 1;\nthrower(2);")]);

let server: http.Server;
let base: string;
let browser: Browser;
let page: Page;
let reference: { ok: boolean; stdout: string; stderr: string }[];
const pageErrors: string[] = [];

function text(r: CellResult, name: "stdout" | "stderr"): string {
  return r.outputs
    .filter((o) => o.output_type === "stream" && o.name === name)
    .map((o) => o.text)
    .join("");
}

function run(code: string): Promise<CellResult> {
  return page.evaluate((c) => window.courseRuntime.execute(c), code);
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  await context.route("**/*", (route) =>
    route.request().url().startsWith(base) ? route.continue() : route.abort(),
  );
  const p = await context.newPage();
  p.on("pageerror", (e) => pageErrors.push(String(e)));
  p.on("requestfailed", (r) => pageErrors.push(`request failed: ${r.url()}`));
  await p.goto(base + "index.html");
  await p.evaluate(() => window.courseRuntime.whenReady());
  return p;
}

before(
  async () => {
    await buildBrowser();
    ({ server, base } = await serveStatic(path.join(root, "build", "browser")));
    browser = await launchBrowser();
    page = await newPage();
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "tslabReference.ts")], {
      cwd: root,
      input: JSON.stringify(CELLS),
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    assert.equal(r.status, 0, r.stderr);
    reference = JSON.parse(r.stdout) as typeof reference;
  },
  { timeout: 600_000 },
);

after(async () => {
  await browser?.close();
  server?.close();
  assert.deepEqual(pageErrors, [], "no page error and no request leaving the loopback");
});

describe("the browser runtime", { timeout: 1_800_000 }, () => {
  it("prints what tslab prints for each cell, refuses the same cells with the same messages, and runs on after an error", async () => {
    const results: CellResult[] = [];
    for (const cell of CELLS) results.push(await run(cell));
    for (let i = 0; i < CELLS.length; i++) {
      const want = reference[i];
      const got = results[i];
      const cell = `cell ${i}: ${CELLS[i]}`;
      assert.equal(got.ok, want.ok, cell);
      assert.equal(text(got, "stdout"), want.stdout, cell);
      if (!THROWS.has(i)) assert.equal(text(got, "stderr"), want.stderr, cell);
    }
    // The messages themselves, as the kernel prints them (also recorded in the course's notes on tslab).
    assert.equal(
      text(results[CELLS.indexOf("const y: string = 5;")], "stderr"),
      "1:7 - Type 'number' is not assignable to type 'string'.\n",
    );
    assert.equal(text(results[CELLS.indexOf("y")], "stderr"), "1:1 - Cannot find name 'y'.\n");
    assert.equal(text(results[CELLS.indexOf("let q = 1 +;")], "stderr"), "1:12 - Expression expected.\n");
    assert.equal(
      text(results[CELLS.indexOf("new Float64Array([1, 2.5])")], "stdout"),
      "Float64Array(2) [ 1, 2.5 ]\n",
    );
    assert.equal(text(results[CELLS.indexOf("t + 1")], "stdout"), "43\n");
  });

  it("names the cell's own line and column in a runtime error's stack", () => {
    const i = [...THROWS][0];
    assert.match(reference[i].stderr, /Error: boom 2/);
    return run(
      "function thrower2(n: number) {\n  if (n > 1) {\n    throw new Error('boom ' + n);\n  }\n}",
    ).then(async () => {
      const r = await run("const c = 1;\nthrower2(2);");
      const err = text(r, "stderr");
      assert.equal(r.ok, false);
      assert.match(err, /^Error: boom 2\n/);
      assert.match(err, /at \S*thrower2 \(In \[\d+\]:3:11\)\n/, err);
      assert.match(err, /at \S+ \(In \[\d+\]:2:1\)/, err);
      assert.doesNotMatch(err, /worker\.js|tslab-cell/, err);
    });
  });

  it("streams console output while a cell runs", async () => {
    const times = await page.evaluate(async () => {
      const arrived: number[] = [];
      const t0 = performance.now();
      await window.courseRuntime.execute(
        "console.log('first');\nawait new Promise((r) => setTimeout(r, 1000));\nconsole.log('second');",
        () => arrived.push(performance.now() - t0),
      );
      return { arrived, done: performance.now() - t0 };
    });
    assert.equal(times.arrived.length, 2);
    assert.ok(
      times.done - times.arrived[0] >= 900,
      `first line ${times.arrived[0]} ms, done ${times.done} ms`,
    );
  });

  it("sends tslab's displays as Jupyter messages, updates in place by display id", async () => {
    const r = await run(
      'import * as tslab from "tslab";\ntslab.display.html("<b>hi</b>");\nconst d = tslab.newDisplay();\nd.text("1");\nd.text("2");',
    );
    assert.equal(r.ok, true, JSON.stringify(r.outputs));
    const [html, first, second] = r.outputs;
    assert.deepEqual(html.data, { "text/html": "<b>hi</b>" });
    assert.equal(first.output_type, "display_data");
    assert.equal(second.output_type, "update_display_data");
    assert.ok(first.transient?.display_id);
    assert.equal(second.transient?.display_id, first.transient?.display_id);
    assert.deepEqual(second.data, { "text/plain": "2" });
  });

  it("ends `while (true) {}` within 2 s of Restart, and the new worker runs cells", async () => {
    const stopped = await page.evaluate(async () => {
      const rt = window.courseRuntime;
      const running = rt.execute("while (true) {}");
      await new Promise((r) => setTimeout(r, 1000));
      const t0 = performance.now();
      void rt.restart();
      const r = await running;
      return { ok: r.ok, ms: performance.now() - t0 };
    });
    assert.equal(stopped.ok, false);
    assert.ok(stopped.ms < 2000, `stopped after ${stopped.ms} ms`);
    await page.evaluate(() => window.courseRuntime.whenReady(), undefined);
    const r = await run("const fresh = 1;\nfresh + 1");
    assert.equal(text(r, "stdout"), "2\n");
  });
});
