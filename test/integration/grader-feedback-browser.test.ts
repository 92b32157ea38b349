/**
 * A feedback page shows what the learner saw: one submission whose notebook draws two plotly figures and
 * an HTML table, graded by the CLI (real kernel, sandbox), its feedback page opened from disk in headless
 * Chromium with every request that would leave the disk aborted. The figures are drawn by the feedback
 * folder's one plotly.min.js; a script in the learner's HTML output does not run. Screenshot:
 * build/test/screenshots/grader-feedback.png.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser } from "playwright-core";
import { launchBrowser, newOfflinePage } from "../support/browser";
import type { Cell } from "../../jupyter/notebook";
import {
  CLIP_OK,
  EMA_OK,
  INSTRUCTOR,
  NAME,
  releasedNotebook,
  writeSubmissions,
} from "../grader/fixtures/submissions";

const ROOT = path.resolve(__dirname, "..", "..");
const shots = path.join(ROOT, "build", "test", "screenshots");

const FIGURES = `import { lossCurveFigure, show } from "@dlopt/lib";
show(lossCurveFigure({ SGD: [1, 0.5, 0.3, 0.2], Adam: [1, 0.3, 0.1, 0.05] }));
show(lossCurveFigure({ RMSprop: [2, 1, 0.5, 0.25] }));
require("tslab").display.html('<table class="learner-table"><tr><th>step</th><th>loss</th></tr><tr><td>1</td><td>0.5</td></tr></table><script>document.title = "learner script ran"</script>');`;

describe("a feedback page with figures, offline in headless Chromium", { timeout: 900_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "grader-feedback-"));
  const out = path.join(tmp, "out");
  let browser: Browser;
  const blocked: string[] = [];

  before(async () => {
    const source = path.join(tmp, "source");
    fs.mkdirSync(source);
    fs.copyFileSync(INSTRUCTOR, path.join(source, `${NAME}.ipynb`));
    const nb = releasedNotebook();
    for (const c of nb.cells) {
      if (c.metadata.nbgrader?.grade_id === "ema-answer") c.source = EMA_OK;
      if (c.metadata.nbgrader?.grade_id === "clip-answer") c.source = CLIP_OK;
    }
    const figures: Cell = {
      cell_type: "code",
      source: FIGURES,
      metadata: {},
      outputs: [],
      execution_count: null,
    };
    nb.cells.push(figures);
    writeSubmissions(path.join(tmp, "submissions"), [
      {
        student: "with-figures",
        cases: [],
        files: { [`${NAME}.ipynb`]: nb },
        expect: { "q-ema": ["pass", 2], "q-clip": ["pass", 3] },
      },
    ]);
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "grader/cli.ts",
        "grade",
        path.join(tmp, "submissions"),
        "--out",
        out,
        "--source",
        source,
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 800_000 },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it("draws both figures and the table from one plotly.min.js per feedback folder, and runs no learner script", async () => {
    assert.ok(fs.existsSync(path.join(out, "feedback", "plotly.min.js")));
    assert.ok(!fs.existsSync(path.join(out, "feedback", "with-figures", "plotly.min.js")));
    const page = await newOfflinePage(browser, blocked);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" && !/Content Security Policy/.test(m.text())) errors.push(m.text());
    });
    await page.goto(`file://${path.join(out, "feedback", "with-figures", `${NAME}.html`)}`);
    await page.waitForFunction(
      () => document.querySelectorAll(".plotly-figure .main-svg").length >= 2,
      null,
      {
        timeout: 60_000,
      },
    );
    assert.equal(await page.locator(".plotly-figure").count(), 2);
    assert.equal(await page.locator("table.learner-table td").first().textContent(), "1");
    assert.notEqual(await page.title(), "learner script ran");
    assert.match((await page.locator("h1").textContent()) ?? "", /5 \/ 5/);
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, "grader-feedback.png"), fullPage: true });
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, []);
    await page.context().close();
  });
});
