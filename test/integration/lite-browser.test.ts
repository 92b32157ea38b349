/**
 * The JupyterLite edition (lite/, `npm run build:lite`) in headless Chromium, served from the loopback with
 * every other request aborted: each lesson's instructor version opens with the `tslab` kernel, runs all its
 * cells with no error, draws every figure and prints and shows what tslab's executed copy does; a learner's
 * answer typed into the student version passes its self-check, is saved, survives a reload, and the
 * notebook File > Download gives gets the same score from `npm run grade` as the same answer saved in
 * JupyterLab; completion and inspection come from the TypeScript compiler; Restart ends `while (true) {}`
 * and the kernel runs cells again.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import type * as http from "http";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { serveStatic } from "../../scripts/serve";
import { buildLiteSite, LITE_OUT } from "../../scripts/build-lite";
import {
  compareOutputs,
  compared,
  executedCopies,
  joined,
  type Notebook,
  type RefOutput,
} from "./lessonOutputs";

/** The parts of JupyterLab's app (exposed as `window.jupyterapp`) the test uses, loosely typed. */
interface KernelMsg {
  header: { msg_type: string };
  content: { text?: string };
}
interface LiteKernel {
  name: string;
  status: string;
  info: Promise<unknown>;
  interrupt(): Promise<void>;
  requestExecute(c: { code: string }): { done: Promise<unknown>; onIOPub: (m: KernelMsg) => void };
  requestComplete(c: { code: string; cursor_pos: number }): Promise<{ content: { matches: string[] } }>;
  requestInspect(c: {
    code: string;
    cursor_pos: number;
    detail_level: 0 | 1;
  }): Promise<{ content: { found: boolean; data?: Record<string, unknown> } }>;
}
interface LiteWidget {
  context: { path: string };
  node: HTMLElement;
  sessionContext: {
    session: { kernel: LiteKernel };
    shutdown(): Promise<void>;
    restartKernel(): Promise<void>;
  };
  content: {
    node: HTMLElement;
    activeCellIndex: number;
    model: { cells: { length: number; get(i: number): { executionState: string } }; toJSON(): unknown };
  };
  dispose(): void;
}
declare global {
  interface Window {
    jupyterapp?: {
      shell: { currentWidget: LiteWidget | null };
      commands: { execute(id: string, args?: unknown): Promise<unknown> };
      serviceManager: {
        contents: {
          save(path: string, model: unknown): Promise<unknown>;
          get(path: string, opts?: unknown): Promise<{ content: unknown }>;
        };
      };
    };
  }
}

const root = path.resolve(__dirname, "..", "..");
const PLOTLY = "application/vnd.plotly.v1+json";

let server: http.Server;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/**
 * Console messages of JupyterLab and the browser, no error of the course's: React's advice to developers,
 * the warnings yjs prints when JupyterLab's notebook model reads its cells' shared types (the bundle has
 * one copy of yjs; they appear with the notebooks of any kernel), and headless Chromium's performance notes
 * on plotly's canvas and WebGL readbacks.
 */
const BENIGN =
  /Download the React DevTools|Add Yjs type to a document|yjs#509|Canvas2D: Multiple readback operations|GPU stall due to ReadPixels/;

/**
 * JupyterLab asks the server to resolve a path printed in an output (`api/resolvePath`, to make it a link);
 * JupyterLite has no server, the answer is 404 and the path stays text.
 */
const RESOLVE_PATH = /\/api\/resolvePath\?/;

/**
 * JupyterLab's kernel connection when JupyterLite restarts a kernel (it closes the kernel's socket and
 * opens a new one): expected in the Restart test.
 */
const RESTART = /Connection lost, reconnecting in 0 seconds|Trying to send message on removed socket/;

function watch(p: Page): void {
  p.on("pageerror", (e) => pageErrors.push(`page error: ${e.message}`));
  p.on("console", (m) => {
    if (m.type() !== "error" && m.type() !== "warning") return;
    const text = `${m.text()} ${m.location().url}`;
    if ([BENIGN, RESTART, RESOLVE_PATH].some((r) => r.test(text))) return;
    pageErrors.push(`console ${m.type()}: ${text.slice(0, 300)}`);
  });
}

/** Opens JupyterLab on `file` (a path in the workspace) and waits for its kernel to be idle. */
async function openLab(file: string): Promise<void> {
  await page.goto(`${base}lab/index.html?path=${encodeURIComponent(file)}`);
  await waitForKernel(file);
}

async function waitForKernel(file: string): Promise<void> {
  await page.waitForFunction(
    (f) => {
      const w = window.jupyterapp?.shell.currentWidget;
      return w?.context?.path === f && w.sessionContext?.session?.kernel?.status === "idle";
    },
    file,
    { timeout: 120_000, polling: 250 },
  );
}

/** Opens `file` in the running JupyterLab (closing the notebook open before, and its kernel). */
async function openInApp(file: string): Promise<void> {
  await page.evaluate(async (f) => {
    const app = window.jupyterapp!;
    const w = app.shell.currentWidget;
    if (w?.sessionContext) {
      await w.sessionContext.shutdown();
      w.dispose();
    }
    await app.commands.execute("docmanager:open", { path: f });
  }, file);
  await waitForKernel(file);
}

/** Writes a notebook into the browser's storage (JupyterLite's contents), as a learner's saved file. */
async function putNotebook(file: string, nb: unknown): Promise<void> {
  await page.evaluate(
    async ([f, content]) => {
      await window.jupyterapp!.serviceManager.contents.save(f, { type: "notebook", format: "json", content });
    },
    [file, nb] as const,
  );
}

/**
 * Runs all cells of the open notebook (Run > Run All Cells), and when a cell's error stops the run, the
 * cells below it (Run > Run All Below the next one), as a learner would; resolves when all have run.
 */
async function runAll(): Promise<void> {
  let command = "notebook:run-all-cells";
  for (;;) {
    await page.evaluate((c) => window.jupyterapp!.commands.execute(c), command);
    await page.waitForFunction(
      () => {
        const w = window.jupyterapp!.shell.currentWidget!;
        const cells = w.content.model.cells;
        for (let i = 0; i < cells.length; i++) if (cells.get(i).executionState === "running") return false;
        return w.sessionContext.session.kernel.status === "idle";
      },
      undefined,
      { timeout: 600_000, polling: 500 },
    );
    const next = await page.evaluate(() => {
      const w = window.jupyterapp!.shell.currentWidget!;
      const cells = (w.content.model.toJSON() as { cells: LiteCell[] }).cells;
      let last = -1;
      cells.forEach((c, i) => {
        if (c.cell_type === "code" && c.execution_count != null) last = i;
      });
      const next = cells.findIndex((c, i) => i > last && c.cell_type === "code");
      if (next >= 0) w.content.activeCellIndex = next;
      return next;
    });
    if (next < 0) return;
    command = "notebook:run-all-below";
  }
}

interface LiteCell {
  cell_type: string;
  source: string | string[];
  execution_count?: number | null;
  outputs?: RefOutput[];
}

/** The open notebook as JupyterLab would save it, and the number of figures plotly drew in it. */
async function openNotebook(): Promise<{ cells: LiteCell[]; drawn: number }> {
  return page.evaluate(() => {
    const w = window.jupyterapp!.shell.currentWidget!;
    const nb = w.content.model.toJSON() as { cells: LiteCell[] };
    const drawn = Array.from(w.content.node.querySelectorAll(".js-plotly-plot")).filter((e) =>
      e.querySelector(".main-svg"),
    ).length;
    return { cells: nb.cells, drawn };
  });
}

/** Runs `code` in the open notebook's kernel (not in a cell); what it printed. */
function execText(code: string): Promise<string> {
  return page.evaluate(async (c) => {
    let text = "";
    const f = window.jupyterapp!.shell.currentWidget!.sessionContext.session.kernel.requestExecute({
      code: c,
    });
    f.onIOPub = (m) => {
      if (m.header.msg_type === "stream") text += m.content.text;
    };
    await f.done.catch(() => undefined);
    return text;
  }, code);
}

function stderr(c: LiteCell): string {
  return (c.outputs ?? [])
    .filter((o) => o.output_type === "stream" && o.name === "stderr")
    .map((o) => joined(o.text))
    .join("");
}

before(
  async () => {
    await buildLiteSite(() => {});
    ({ server, base } = await serveStatic(LITE_OUT));
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      pageErrors.push(`request left the loopback: ${url}`);
      return route.abort();
    });
    page = await context.newPage();
    watch(page);
  },
  { timeout: 900_000 },
);

after(async () => {
  await browser?.close();
  server?.close();
  assert.deepEqual(pageErrors, [], "no page error, no console error and no request leaving the loopback");
});

describe("the JupyterLite edition", { timeout: 3_600_000 }, () => {
  it("lists the student versions of all lessons as the workspace's files", async () => {
    await openLab("00-welcome.ipynb");
    const names = await page.evaluate(async () => {
      const dir = await window.jupyterapp!.serviceManager.contents.get("", { content: true });
      return (dir.content as { name: string }[]).map((f) => f.name).sort();
    });
    const lessons = fs.readdirSync(path.join(root, "notebooks")).filter((f) => /^\d\d-.*\.ipynb$/.test(f));
    assert.deepEqual(names, lessons.sort());
    const kernel = await page.evaluate(
      () => window.jupyterapp!.shell.currentWidget!.sessionContext.session.kernel.name,
    );
    assert.equal(kernel, "tslab");
  });

  it("answers Tab and Shift-Tab from the TypeScript compiler", async () => {
    const r = await page.evaluate(async () => {
      const k = window.jupyterapp!.shell.currentWidget!.sessionContext.session.kernel;
      await k.requestExecute({ code: "const course = { steps: 3 };" }).done;
      const c = await k.requestComplete({ code: "course.st", cursor_pos: 9 });
      const i = await k.requestInspect({ code: "Math.sqrt", cursor_pos: 7, detail_level: 0 });
      return { matches: c.content.matches, found: i.content.found, text: i.content.data?.["text/plain"] };
    });
    assert.ok(r.matches.includes("steps"), JSON.stringify(r));
    assert.equal(r.found, true);
    assert.match(String(r.text), /sqrt\(x: number\): number/);
  });

  it("ends `while (true) {}` on Restart, and on Interrupt, and the kernel runs cells again", async () => {
    const kernel = () =>
      page.evaluate(() => window.jupyterapp!.shell.currentWidget!.sessionContext.session.kernel.status);
    void execText("while (true) {}");
    await page.waitForTimeout(1000);
    assert.equal(await kernel(), "busy");
    await page.evaluate(() => window.jupyterapp!.shell.currentWidget!.sessionContext.restartKernel());
    await waitForKernel("00-welcome.ipynb");
    const out = [await execText("const fresh = 1;\nfresh + 1")];
    const looping = execText("while (true) {}");
    await page.waitForTimeout(1000);
    await page.evaluate(() =>
      window.jupyterapp!.shell.currentWidget!.sessionContext.session.kernel.interrupt(),
    );
    out.push(await looping);
    await waitForKernel("00-welcome.ipynb");
    out.push(await execText("'after interrupt'"));
    assert.equal(out[0], "2\n");
    assert.match(out[1], /Interrupted/);
    assert.equal(out[2], "after interrupt\n");
  });

  it("keeps a learner's answer: its self-check passes, it survives a reload, and the download grades as in JupyterLab", async () => {
    const lesson = "02-sgd.ipynb";
    const instructor = JSON.parse(fs.readFileSync(path.join(root, "notebooks", lesson), "utf8")) as {
      cells: { source: string | string[]; metadata: { nbgrader?: { grade_id?: string } } }[];
    };
    const solution = instructor.cells.find((c) => c.metadata.nbgrader?.grade_id === "ex-gd-answer")!;
    const answer = joined(solution.source)
      .split("\n")
      .filter((l) => !/(BEGIN|END) SOLUTION/.test(l))
      .join("\n");
    await openLab(lesson);
    const typed = await page.evaluate((src) => {
      const cells = window.jupyterapp!.shell.currentWidget!.content.model.cells;
      for (let i = 0; i < cells.length; i++) {
        const c = cells.get(i) as unknown as {
          getMetadata(k: string): { grade_id?: string } | undefined;
          sharedModel: { setSource(s: string): void };
        };
        if (c.getMetadata("nbgrader")?.grade_id === "ex-gd-answer") {
          c.sharedModel.setSource(src);
          return i;
        }
      }
      return -1;
    }, answer);
    assert.ok(typed >= 0, "the student version has the exercise's answer cell");
    await runAll();
    const { cells } = await openNotebook();
    const check = cells[typed + 1];
    assert.equal(stderr(check), "", "the self-check cell prints no error");
    assert.ok(check.execution_count != null, "the self-check ran");
    const shown = JSON.stringify(check.outputs);
    assert.match(shown, /ex-gd/);
    assert.doesNotMatch(shown, /fail|✗/i, shown.slice(0, 500));
    await page.evaluate(() => window.jupyterapp!.commands.execute("docmanager:save"));
    await openLab(lesson);
    const after = (await openNotebook()).cells[typed];
    assert.equal(joined(after.source), answer, "the answer is still there after a reload");

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lite-grade-"));
    try {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.evaluate(() => window.jupyterapp!.commands.execute("docmanager:download")),
      ]);
      assert.equal(download.suggestedFilename(), lesson);
      fs.mkdirSync(path.join(tmp, "submissions", "lite"), { recursive: true });
      await download.saveAs(path.join(tmp, "submissions", "lite", lesson));
      // The same answer saved by JupyterLab: the released notebook with the answer cell's source set.
      const released = JSON.parse(fs.readFileSync(path.join(LITE_OUT, "files", lesson), "utf8")) as {
        cells: { source: string | string[] }[];
      };
      released.cells[typed].source = answer;
      fs.mkdirSync(path.join(tmp, "submissions", "jupyterlab"), { recursive: true });
      fs.writeFileSync(
        path.join(tmp, "submissions", "jupyterlab", lesson),
        JSON.stringify(released, null, 1),
      );
      const out = path.join(tmp, "out");
      const r = spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join(root, "grader", "cli.ts"),
          "grade",
          path.join(tmp, "submissions"),
          "--out",
          out,
        ],
        { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 },
      );
      assert.equal(r.status, 0, r.stderr);
      const rows = fs.readFileSync(path.join(out, "grades.csv"), "utf8").trim().split("\n");
      const header = rows[0].split(",");
      const row = (s: string) =>
        rows
          .find((l) => l.startsWith(`${s},`))!
          .split(",")
          .slice(1);
      assert.deepEqual(row("lite"), row("jupyterlab"));
      const gd = header.findIndex((h) => h.endsWith(":ex-gd")) - 1;
      assert.ok(gd >= 0 && Number(row("lite")[gd]) > 0, `${rows.join("\n")}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("runs every lesson (instructor version) with Run All: no error, every figure drawn, outputs as tslab's executed copy", async () => {
    const dir = path.join(root, "notebooks");
    const lessons = fs
      .readdirSync(dir)
      .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
      .filter(
        (f) => !process.env.LITE_LESSONS || process.env.LITE_LESSONS.split(",").some((p) => f.startsWith(p)),
      )
      .sort();
    const executed = await executedCopies(lessons.map((f) => path.join(dir, f)));
    const failures: string[] = [];
    for (const lesson of lessons) {
      const file = `instructor-${lesson}`;
      await putNotebook(file, JSON.parse(fs.readFileSync(path.join(dir, lesson), "utf8")));
      await openInApp(file);
      await runAll();
      const { cells, drawn } = await openNotebook();
      const ref = JSON.parse(fs.readFileSync(executed.get(lesson)!, "utf8")) as Notebook;
      let n = 0;
      let figures = 0;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (cell.cell_type !== "code") continue;
        n++;
        const where = `${lesson} code cell ${n}`;
        figures += (cell.outputs ?? []).filter((o) => o.data && PLOTLY in o.data).length;
        const err = stderr(cell);
        if (cell.execution_count == null) failures.push(`${where}: not run`);
        if (err !== "") {
          failures.push(`${where}: ${err.slice(0, 300)}`);
          continue;
        }
        if (compared(lesson, n))
          failures.push(...compareOutputs(where, cell.outputs ?? [], ref.cells[c].outputs ?? []));
      }
      if (drawn !== figures) failures.push(`${lesson}: ${figures} figures, ${drawn} drawn`);
    }
    assert.deepEqual(failures, []);
  });
});
