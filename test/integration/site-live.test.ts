/**
 * The live lesson pages of the website (`npm run build`, scripts/site/live.ts and browser/src/live.ts) in
 * headless Chromium, the site served from the loopback by `npm run serve`'s server and every other request
 * aborted:
 * - an exercise answered in the page prints ✓ or ✗ with expected and actual, is still there after a reload,
 *   and the downloaded notebook gets from `npm run grade` the scores the same answers typed into the
 *   notebook the JupyterLab way get (full marks for right answers);
 * - an edit made on an earlier version of a cell is kept and said so; Reset cell brings the course's;
 * - every lesson, its exercises answered with the instructor's solutions, runs with Run all with no error
 *   output; each cell's outputs, as the page keeps and downloads them, equal tslab's executed copy
 *   (lessonOutputs.ts: printed lines, tables' HTML, figures' plotly data and layout), its tables and figures
 *   those of the static page, and `.main-svg` is counted over the page.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { serveStatic, type StaticServer } from "../../scripts/serve";
import { buildSite } from "../../scripts/site/buildSite";
import { releaseNotebook } from "../../grader/release";
import { parseNotebook, roleOf, serialize, sourceOf, type Notebook } from "../../jupyter/notebook";
import { compareOutputs, compared, executedCopies, type RefOutput } from "./lessonOutputs";

const ROOT = path.resolve(__dirname, "..", "..");
const SITE = path.join(ROOT, "build", "test", "site-live");
const NOTEBOOKS = path.join(ROOT, "notebooks");
const LESSONS = fs
  .readdirSync(NOTEBOOKS)
  .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
  .filter(
    (f) => !process.env.LIVE_LESSONS || process.env.LIVE_LESSONS.split(",").some((p) => f.startsWith(p)),
  )
  .sort();
const EXERCISE = "05-moving-averages";

let served: StaticServer;
let browser: Browser;
const problems: string[] = [];

function instructor(lesson: string): Notebook {
  const file = path.join(NOTEBOOKS, `${lesson}.ipynb`);
  return parseNotebook(fs.readFileSync(file, "utf8"), file);
}

/** The instructor's answers (code answer cells, region markers dropped), by cell id. */
function solutions(lesson: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of instructor(lesson).cells) {
    if (c.cell_type !== "code" || roleOf(c) !== "answer") continue;
    out[c.id!] = sourceOf(c)
      .split("\n")
      .filter((l) => !/(BEGIN|END) SOLUTION/.test(l))
      .join("\n");
  }
  return out;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(served.base) || url.startsWith("blob:") || url.startsWith("data:"))
      return route.continue();
    problems.push(`request to another host: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${String(e)}`));
  page.on("dialog", (d) => void d.accept());
  return page;
}

/** Opens a lesson's live page; waits for it to be live and for all its static figures to be drawn. */
async function open(page: Page, lesson: string): Promise<void> {
  await page.goto(`${served.base}${lesson}.html`);
  await page.waitForFunction(() => window.courseLive !== undefined);
  await page.evaluate(() => window.courseLive!.then(() => undefined));
  await page.evaluate(() => window.courseDrawFigures!());
  await page.waitForFunction(() => document.documentElement.dataset.figures === "drawn");
}

/** Replaces a cell's source the way a learner types it (CodeMirror's own input, no auto-closing). */
async function type(page: Page, id: string, text: string): Promise<void> {
  await page.click(`section[id="${id}"] .cm-content`);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

function sourceIn(page: Page, id: string): Promise<string> {
  return page.evaluate((i) => window.courseLive!.then((p) => p.cells.find((c) => c.id === i)!.source), id);
}

/** Clicks Run all and waits until every cell ran. */
async function runAll(page: Page): Promise<void> {
  await page.click(".live-run-all");
  await page.waitForFunction(
    () =>
      document.body.dataset.live === "idle" &&
      !document.querySelector('section[data-state="queued"], section[data-state="running"]'),
    undefined,
    { timeout: 600_000, polling: 500 },
  );
}

function outputText(page: Page, id: string): Promise<string> {
  return page.$eval(`section[id="${id}"] .outputs`, (e) => e.textContent ?? "");
}

async function download(page: Page, file: string): Promise<void> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(".live-download")]);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await d.saveAs(file);
}

before(
  async () => {
    const report = await buildSite({ siteDir: SITE, api: false, log: () => {} });
    assert.ok(
      report.ok,
      report.lessons
        .filter((l) => !l.ok)
        .map((l) => `${l.notebook}: ${l.problem}`)
        .join("\n"),
    );
    served = await serveStatic(SITE);
    browser = await launchBrowser();
  },
  { timeout: 1_200_000 },
);

after(async () => {
  await browser?.close();
  served?.server.close();
  assert.deepEqual(problems, [], "no page error and no request leaving the loopback");
});

describe("a live lesson page", { timeout: 1_800_000 }, () => {
  it("checks an exercise answered in the page, keeps it over a reload, and downloads a notebook npm run grade scores as JupyterLab's", async () => {
    const page = await newPage();
    await open(page, EXERCISE);
    const right = solutions(EXERCISE);
    const ema = "ex-ema-answer";
    const sma = "ex-sma-answer";
    const smaWrong =
      "function movingMean(data: Float64Array, k: number): Float64Array {\n  return data.slice(k - 1);\n}";
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "site-live-"));
    const submissions = path.join(tmp, "submissions");
    const file = (student: string) => path.join(submissions, student, `${EXERCISE}.ipynb`);

    await type(page, ema, right[ema]);
    await type(page, sma, right[sma]);
    await runAll(page);
    assert.match(await outputText(page, "ex-ema"), /✓ ex-ema: .*ex-ema: all 2 cases passed/s);
    assert.match(await outputText(page, "ex-sma"), /✓ ex-sma: .*ex-sma: the 1 case passed/s);
    await page.reload();
    await open(page, EXERCISE);
    assert.equal(await sourceIn(page, ema), right[ema], "the answer is still there after a reload");
    assert.equal(await sourceIn(page, sma), right[sma]);
    await download(page, file("live-right"));

    await type(page, sma, smaWrong);
    await runAll(page);
    const wrong = await outputText(page, "ex-sma");
    assert.match(wrong, /✗ ex-sma: k = 2 on the slides' data: .*expected .*got /s, wrong);
    assert.equal(await page.getAttribute('section[id="ex-sma"]', "data-state"), "failed");
    await page.reload();
    await open(page, EXERCISE);
    assert.equal(await sourceIn(page, sma), smaWrong);
    await download(page, file("live-wrong"));
    await page.context().close();

    // The same answers typed into the released notebook in JupyterLab (sources saved as lines).
    const lab = (answers: Record<string, string>): Notebook => {
      const nb = releaseNotebook(instructor(EXERCISE), path.join(NOTEBOOKS, `${EXERCISE}.ipynb`));
      for (const c of nb.cells) if (c.id! in answers) c.source = answers[c.id!].split(/(?<=\n)/);
      return nb;
    };
    for (const [student, answers] of [
      ["lab-right", right],
      ["lab-wrong", { ...right, [sma]: smaWrong }],
    ] as const) {
      fs.mkdirSync(path.dirname(file(student)), { recursive: true });
      fs.writeFileSync(file(student), serialize(lab(answers)));
    }
    const source = path.join(tmp, "source");
    fs.mkdirSync(source);
    fs.copyFileSync(path.join(NOTEBOOKS, `${EXERCISE}.ipynb`), path.join(source, `${EXERCISE}.ipynb`));
    const out = path.join(tmp, "out");
    const r = spawnSync(
      "npx",
      ["tsx", "grader/cli.ts", "grade", submissions, "--out", out, "--source", source],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 900_000,
      },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const grades = JSON.parse(fs.readFileSync(path.join(out, "grades.json"), "utf8")) as {
      records: { student: string; question: string; points: number; max: number; status: string }[];
    };
    const of = (student: string) =>
      grades.records
        .filter((x) => x.student === student)
        .map(({ question, points, max, status }) => ({ question, points, max, status }))
        .sort((a, b) => a.question.localeCompare(b.question));
    const auto = of("live-right").filter((x) => x.question !== "ex-written");
    assert.deepEqual(
      auto.map((x) => [x.question, x.points]),
      auto.map((x) => [x.question, x.max]),
      "full marks for the right answers",
    );
    assert.deepEqual(of("live-right"), of("lab-right"));
    assert.deepEqual(of("live-wrong"), of("lab-wrong"));
    assert.ok(of("live-wrong").find((x) => x.question === "ex-sma")!.points < 1, "the wrong answer loses");
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("keeps an edit made on an earlier version of a cell, says so, and Reset cell brings the course's", async () => {
    const page = await newPage();
    await open(page, EXERCISE);
    const id = "ex-ema-answer";
    const mine = "function emaCorrected(data: Float64Array, rho: number): Float64Array {\n  return data;\n}";
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [`dlopt-live:${EXERCISE}:${id}`, JSON.stringify({ source: mine, base: "an older version" })],
    );
    await page.reload();
    await open(page, EXERCISE);
    assert.equal(await sourceIn(page, id), mine);
    const note = page.locator(`section[id="${id}"] .live-note`);
    assert.match((await note.textContent()) ?? "", /course has changed this cell.*your version is kept/);
    await page.click(`section[id="${id}"] .live-reset`);
    const course = sourceOf(
      releaseNotebook(instructor(EXERCISE), `${EXERCISE}.ipynb`).cells.find((c) => c.id === id)!,
    );
    assert.equal(await sourceIn(page, id), course);
    assert.equal(await note.isHidden(), true);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), `dlopt-live:${EXERCISE}:${id}`), null);
    await page.context().close();
  });
});

describe("npm run serve", { timeout: 120_000 }, () => {
  it("prints its loopback URL and serves the site with its runtime, gzipped, 304 for a file the browser has", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/serve.ts", "--port", "0", "--dir", SITE],
      {
        cwd: ROOT,
      },
    );
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
          const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const index = await fetch(base);
      assert.equal(index.status, 200);
      assert.match(await index.text(), /<ol class="lessons">/);
      for (const f of [
        "runtime/worker.js",
        "runtime/live.js",
        `notebooks/${EXERCISE}.ipynb`,
        "assets/live.js",
      ]) {
        const r = await fetch(base + f, { headers: { "accept-encoding": "gzip" } });
        assert.equal(r.status, 200, f);
        assert.equal(r.headers.get("content-encoding"), "gzip", f);
        const again = await fetch(base + f, { headers: { "if-none-match": r.headers.get("etag")! } });
        assert.equal(again.status, 304, f);
      }
      assert.equal((await fetch(base + "no-such-page.html")).status, 404);
      assert.equal((await fetch(base + "..%2f..%2fpackage.json")).status, 403);
    } finally {
      child.kill();
    }
  });
});

interface Shown {
  id: string;
  stdout: string;
  stderr: string;
  tables: number;
  figures: number;
  /** Plotly's drawn layers (`.main-svg`) in the cell. */
  svgs: number;
}

/** What each code cell of the page shows: printed text, error text, tables, figures. */
function shown(page: Page): Promise<Shown[]> {
  // No named function inside: the page gets this code as written (tsx would add a helper it lacks).
  return page.$$eval("main section.cell.code", (sections) =>
    sections.map((s) => ({
      id: s.id,
      stdout: Array.from(s.querySelectorAll(".outputs pre.output.stdout"), (e) => e.textContent ?? "").join(
        "",
      ),
      stderr: Array.from(
        s.querySelectorAll(".outputs pre.output.stderr, .outputs pre.output.error"),
        (e) => e.textContent ?? "",
      ).join(""),
      tables: s.querySelectorAll(".outputs table").length,
      figures: s.querySelectorAll(".outputs .plotly-figure").length,
      svgs: s.querySelectorAll(".outputs .main-svg").length,
    })),
  );
}

describe("every live lesson", { timeout: 3_600_000 }, () => {
  for (const file of LESSONS) {
    const lesson = file.replace(/\.ipynb$/, "");
    it(`${lesson}: Run all with the exercises answered gives no error and the outputs of tslab's executed copy`, async () => {
      const page = await newPage();
      await open(page, lesson);
      const mainSvg = () => page.locator(".main-svg").count();
      const staticSvg = await mainSvg();
      const before = await shown(page);
      const release = releaseNotebook(instructor(lesson), file);
      const original = new Map(instructor(lesson).cells.map((c) => [c.id, sourceOf(c)]));
      const codeNumber = new Map(
        release.cells.filter((c) => c.cell_type === "code").map((c, i) => [c.id, i + 1] as const),
      );
      // The answers as stored edits (the way a learner's come back after a reload).
      await page.evaluate(
        ([l, answers, bases]) => {
          for (const [id, source] of Object.entries(answers))
            localStorage.setItem(`dlopt-live:${l}:${id}`, JSON.stringify({ source, base: bases[id] }));
        },
        [
          lesson,
          solutions(lesson),
          Object.fromEntries(release.cells.map((c) => [c.id!, sourceOf(c)])),
        ] as const,
      );
      await page.reload();
      await open(page, lesson);
      await runAll(page);
      const failures: string[] = [];
      // Figures out of view are drawn when they come near it; the count needs them all.
      await page.evaluate(() => window.courseDrawFigures!());
      await page.waitForFunction((n) => document.querySelectorAll(".main-svg").length >= n, staticSvg, {
        timeout: 60_000,
      });
      const after = new Map((await shown(page)).map((s) => [s.id, s]));
      // The outputs as the page keeps them (and downloads them), against tslab's executed copy.
      // Typed arrays in figures serialized as Jupyter serializes them (JSON).
      const ran = JSON.parse(
        await page.evaluate(async () => JSON.stringify((await window.courseLive!).notebookWithEdits())),
      ) as Notebook;
      const ranById = new Map(ran.cells.map((c) => [c.id, c]));
      const executed = (await executedCopies([path.join(NOTEBOOKS, file)])).get(file)!;
      const ref = parseNotebook(fs.readFileSync(executed, "utf8"), executed);
      const refById = new Map(ref.cells.map((c) => [c.id, c]));
      for (const b of before) {
        const a = after.get(b.id)!;
        const n = codeNumber.get(b.id)!;
        const where = `${lesson} code cell ${n} (${b.id})`;
        if (a.stderr !== "") {
          failures.push(`${where}: ${a.stderr.slice(0, 300)}`);
          continue;
        }
        // Cells the student version changed (answers, tests) show no static output to compare with.
        const rc = release.cells.find((c) => c.id === b.id);
        if (rc && sourceOf(rc) !== original.get(b.id)) continue;
        if (!compared(file, n)) continue;
        failures.push(
          ...compareOutputs(
            where,
            (ranById.get(b.id)?.outputs ?? []) as RefOutput[],
            (refById.get(b.id)?.outputs ?? []) as RefOutput[],
          ),
        );
        if (a.tables !== b.tables) failures.push(`${where}: ${a.tables} tables, tslab ${b.tables}`);
        if (a.figures !== b.figures) failures.push(`${where}: ${a.figures} figures, tslab ${b.figures}`);
      }
      const failed = await page.$$eval('section[data-state="failed"]', (s) => s.map((x) => x.id));
      for (const id of failed) failures.push(`${lesson}: cell ${id} failed`);
      assert.equal(await mainSvg(), staticSvg, `${lesson}: .main-svg on the page`);
      assert.deepEqual(failures, []);
      await page.context().close();
    });
  }
});
