/**
 * The course website in a real browser: builds the site (reusing the executions in build/executed/ that
 * are fresh, executing the rest), opens build/site/index.html from disk in headless Chromium with every
 * non-file request aborted, follows the link to every lesson, and checks rendered math and plotly figures;
 * a screenshot per page goes to build/site/screenshots/. Fixture lessons (test/fixtures/notebooks/site-*)
 * check what the real lessons may not have yet: a figure, an image, the student/instructor split.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import { ROOT } from "../../jupyter/environment";
import { buildSite, formatReport, type BuildReport } from "../../scripts/site/buildSite";
import { executionRecord, fileSha256 } from "../../jupyter/freshness";
import { launchBrowser, newOfflinePage } from "../support/browser";

const SITE = path.join(ROOT, "build", "site");
const FIXTURE_SITE = path.join(ROOT, "build", "test", "site-student");
const INSTRUCTOR_SITE = path.join(ROOT, "build", "test", "site-instructor");
const FIXTURE_EXECUTED = path.join(ROOT, "build", "test", "site-executed");
const fixtures = ["site-01-math.ipynb", "site-02-figures.ipynb"].map((f) =>
  path.join(ROOT, "test", "fixtures", "notebooks", f),
);

const quiet = () => {};
let browser: Browser;
const blocked: string[] = [];

const newPage = (): Promise<Page> => newOfflinePage(browser, blocked);

/** Visible text of the page's main content without code (where a `$$` may legitimately appear). */
function proseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector("main")!.cloneNode(true) as HTMLElement;
    main.querySelectorAll("pre, code, .katex-mathml").forEach((e) => e.remove());
    return main.textContent ?? "";
  });
}

/**
 * Has the page draw the figures not yet in view (each is drawn when it comes near) and waits until every
 * plotly placeholder holds a drawn plot; returns how many there are.
 */
async function drawnFigures(page: Page): Promise<number> {
  const n = await page.locator(".plotly-figure").count();
  if (n > 0) {
    await page.evaluate(() => (window as unknown as { courseDrawFigures(): void }).courseDrawFigures());
    await page.waitForFunction(
      (count) => document.querySelectorAll(".plotly-figure .main-svg").length >= count,
      n,
      { timeout: 30_000 },
    );
  }
  return n;
}

async function screenshot(page: Page, siteDir: string, name: string): Promise<void> {
  const dir = path.join(siteDir, "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Opens the index, clicks through to every lesson and back; calls `check` on each lesson page. */
async function visitLessons(
  siteDir: string,
  report: BuildReport,
  check: (page: Page, lesson: BuildReport["lessons"][number]) => Promise<void>,
): Promise<void> {
  const page = await newPage();
  const index = pathToFileURL(path.join(siteDir, "index.html")).href;
  await page.goto(index);
  await screenshot(page, siteDir, "index");
  const links = await page
    .locator("ol.lessons a.lesson-title")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(
    links,
    report.lessons.map((l) => l.page),
    "the index links every lesson, in order",
  );
  for (const [i, lesson] of report.lessons.entries()) {
    await page.click(`ol.lessons a.lesson-title[href="${lesson.page}"]`);
    await page.waitForLoadState("load");
    assert.equal(path.basename(new URL(page.url()).pathname), lesson.page);
    const nextLink = page.locator("nav.pager.top a.next");
    const next = (await nextLink.count()) > 0 ? await nextLink.getAttribute("href") : null;
    assert.equal(next, report.lessons[i + 1]?.page ?? null, `${lesson.page}: next link`);
    await check(page, lesson);
    await screenshot(page, siteDir, lesson.page.replace(/\.html$/, ""));
    await page.goto(index);
  }
  await page.context().close();
}

/** What every lesson page must show: math typeset by KaTeX, no raw `$$`, no KaTeX error, drawn figures. */
async function checkLesson(
  page: Page,
  lesson: BuildReport["lessons"][number],
  hasMath: boolean,
): Promise<void> {
  const prose = await proseText(page);
  assert.doesNotMatch(prose, /\$\$/, `${lesson.page}: raw $$ in the text`);
  assert.equal(
    await page.locator(".katex-error").count(),
    0,
    `${lesson.page}: a formula KaTeX could not render`,
  );
  if (hasMath) assert.ok((await page.locator(".katex").count()) > 0, `${lesson.page}: no rendered math`);
  assert.equal(await drawnFigures(page), lesson.figures, `${lesson.page}: figures drawn`);
}

/** Does the notebook's markdown hold a formula? */
function notebookHasMath(file: string): boolean {
  const nb = JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));
  return nb.cells.some(
    (c: { cell_type: string; source: string | string[] }) =>
      c.cell_type === "markdown" && /\$[^$\s]|\\\(|\\\[|\\begin\{/.test([c.source].flat().join("")),
  );
}

describe("the course website (npm run build) in headless Chromium, offline", () => {
  let site: BuildReport;
  let student: BuildReport;
  let instructor: BuildReport;
  let studentLibHash: string | undefined;

  before(async () => {
    browser = await launchBrowser(); // first: without a browser, fail before building anything
    site = await buildSite({ siteDir: SITE, log: quiet });
    student = await buildSite({
      notebooks: fixtures,
      siteDir: FIXTURE_SITE,
      executedDir: FIXTURE_EXECUTED,
      api: false,
      log: quiet,
    });
    studentLibHash = executionRecord(path.join(FIXTURE_EXECUTED, path.basename(fixtures[0])))?.lib_sha256;
    instructor = await buildSite({
      notebooks: fixtures,
      siteDir: INSTRUCTOR_SITE,
      executedDir: FIXTURE_EXECUTED,
      instructor: true,
      api: false,
      log: quiet,
    });
  });

  after(async () => {
    await browser?.close();
  });

  it("builds every lesson, the API reference and build.json with the times", () => {
    assert.ok(site.ok, formatReport(site, SITE));
    const json = JSON.parse(fs.readFileSync(path.join(SITE, "build.json"), "utf8")) as BuildReport;
    assert.equal(json.lessons.length, site.lessons.length);
    for (const l of json.lessons) assert.equal(typeof l.executionSeconds, "number", l.notebook);
    assert.equal(typeof json.totalSeconds, "number");
    assert.ok(fs.existsSync(path.join(SITE, "api", "index.html")));
    assert.ok(fs.existsSync(path.join(SITE, "assets", "plotly.min.js")));
  });

  it("opens every lesson from the index, with its math typeset and its figures drawn", async () => {
    await visitLessons(SITE, site, (page, lesson) =>
      checkLesson(page, lesson, notebookHasMath(lesson.notebook)),
    );
  });

  it("opens the API reference from the index, with the optimizers' math typeset", async () => {
    const page = await newPage();
    await page.goto(pathToFileURL(path.join(SITE, "index.html")).href);
    await page.click('a[href="api/index.html"]');
    await page.waitForLoadState("load");
    assert.match(page.url(), /api\/index\.html$/);
    const withMath = fs
      .readdirSync(path.join(SITE, "api", "functions"))
      .find((f) => fs.readFileSync(path.join(SITE, "api", "functions", f), "utf8").includes('class="katex"'));
    assert.ok(withMath, "some API page has math");
    await page.goto(pathToFileURL(path.join(SITE, "api", "functions", withMath)).href);
    await page.waitForSelector(".katex", { state: "visible" });
    const text = await page.evaluate(() => {
      const content = document.querySelector(".col-content")!.cloneNode(true) as HTMLElement;
      content.querySelectorAll("pre, code, .katex-mathml").forEach((e) => e.remove());
      return content.textContent ?? "";
    });
    assert.doesNotMatch(text, /\$\$/);
    assert.equal(await page.locator(".katex-error").count(), 0);
    await screenshot(page, SITE, `api-${withMath.replace(/\.html$/, "")}`);
    await page.context().close();
  });

  it("records the notebook's and lib's hashes in the executed copy, so that npm test and the build share executions", () => {
    const copy = path.join(FIXTURE_EXECUTED, path.basename(fixtures[0]));
    assert.equal(executionRecord(copy)?.source_sha256, fileSha256(fixtures[0]));
    assert.match(executionRecord(copy)?.lib_sha256 ?? "", /^[0-9a-f]{64}$/);
    // the instructor build reuses the student build's executions unless lib changed in between (in a shared
    // checkout others rebuild it)
    if (executionRecord(copy)?.lib_sha256 === studentLibHash) {
      assert.equal(instructor.lessons[0].execution, "reused");
    }
  });

  it("shows fixture lessons with math, a plotly figure and an image, and hides the solutions from students", async () => {
    assert.ok(student.ok, formatReport(student, FIXTURE_SITE));
    assert.deepEqual(
      student.lessons.map((l) => l.figures),
      [0, 1],
    );
    await visitLessons(FIXTURE_SITE, student, async (page, lesson) => {
      await checkLesson(page, lesson, true);
      const text = await page.locator("main").innerText();
      if (lesson.page === "site-01-math.html") {
        assert.ok((await page.locator(".katex-display").count()) >= 1, "display math");
        assert.equal(await page.locator("table.fixture-table").count(), 1, "HTML output");
        assert.match(text, /not implemented/);
        // From disk the page stays static and says how to get the live one.
        assert.match(text, /static view\. To edit and run the cells.*npm run serve/s);
        assert.equal(await page.locator(".live-bar, .live-editor").count(), 0, "no live page from disk");
        assert.doesNotMatch(
          text,
          /return 2 \* x|solution-output-marker|hidden-test-marker|Instructor's answer/,
        );
      } else {
        const width = await page
          .locator(".output.image img")
          .evaluate((img) => (img as HTMLImageElement).naturalWidth);
        assert.equal(width, 1, "the PNG output loads");
      }
    });
  });

  it("shows the solutions, their outputs and the hidden tests in the instructor's version", async () => {
    assert.ok(instructor.ok, formatReport(instructor, INSTRUCTOR_SITE));
    const page = await newPage();
    await page.goto(pathToFileURL(path.join(INSTRUCTOR_SITE, "site-01-math.html")).href);
    const text = await page.locator("body").innerText();
    assert.match(text, /return 2 \* x/);
    assert.match(text, /solution-output-marker 42/);
    assert.match(text, /hidden-test-marker/);
    assert.match(text, /instructor version/);
    await screenshot(page, INSTRUCTOR_SITE, "site-01-math");
    await page.context().close();
  });

  it("made no request outside the files of the site", () => {
    assert.deepEqual(blocked, []);
  });
});
