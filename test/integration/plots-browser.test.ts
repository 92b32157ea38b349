/**
 * The plots render in a real browser, offline: JupyterLab (from the project's .venv, tslab kernel) on
 * localhost, the fixture notebook test/fixtures/notebooks/plots.ipynb opened in headless Chromium, Run All,
 * every figure a drawn plotly plot (svg.main-svg); the saved notebook opened fresh (JupyterLab, untrusted
 * copy, Notebook 7) still shows them; the nbconvert HTML export opened from disk shows them. Every request
 * that would leave localhost is aborted and fails the test. Screenshots go to build/test/screenshots/.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ensureJupyter, ensureKernel, ensureLibBuilt, jupyterEnv, labArgs } from "../../jupyter/environment";
import { launchBrowser } from "../support/browser";

const root = path.resolve(__dirname, "..", "..");
const fixture = path.join(root, "test", "fixtures", "notebooks", "plots.ipynb");
const work = path.join(root, "build", "test", "plots-browser");
const shots = path.join(root, "build", "test", "screenshots");
const settings = path.join(work, ".lab-settings");
// A port from the process id: tests never use Math.random; 19000-19999 is clear of start.test.ts.
const port = 19000 + (process.pid % 1000);
const token = "plots-browser-token";
const base = `http://127.0.0.1:${port}`;

/** Number of figures the fixture shows: one per show( call in its code cells. */
function expectedFigures(): number {
  const nb = JSON.parse(fs.readFileSync(fixture, "utf8")) as {
    cells: { cell_type: string; source: string[] }[];
  };
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .reduce((n, c) => n + (c.source.join("").match(/\bshow\(/g) ?? []).length, 0);
}

/** Drawn plotly plots in the page: elements of class js-plotly-plot holding an svg.main-svg. */
function drawnPlots(page: Page): Promise<number> {
  // Only in the notebook shown (JupyterLab keeps other tabs' panels hidden in the page).
  return page.evaluate(() => {
    const scope = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden)") ?? document;
    return Array.from(scope.querySelectorAll(".js-plotly-plot")).filter((e) =>
      e.querySelector("svg.main-svg"),
    ).length;
  });
}

/**
 * A reopened notebook: plotly's JupyterLab renderer first shows the PNG it saved with each figure and draws
 * the live plot when the mouse enters it. Waits for `n` plotly outputs, then hovers each image in turn.
 */
async function liven(page: Page, n: number, timeoutMs: number): Promise<void> {
  const scope = ".jp-NotebookPanel:not(.lm-mod-hidden)";
  const end = Date.now() + timeoutMs;
  while ((await page.locator(`${scope} .jp-RenderedPlotly`).count()) < n && Date.now() < end) {
    await page.waitForTimeout(500);
  }
  while (Date.now() < end) {
    const img = page.locator(`${scope} .jp-RenderedPlotly .plot-img:visible`).first();
    if ((await img.count()) === 0) return;
    // The event the renderer listens for; a real hover would race the image being hidden.
    await img.dispatchEvent("mouseenter").catch(() => {});
    await page.waitForTimeout(300);
  }
}

/**
 * Figures shown in the notebook: drawn plotly plots, or plotly's saved picture of the figure (what its
 * JupyterLab renderer shows in a reopened notebook until the mouse enters the output).
 */
function shownFigures(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scope = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden)") ?? document;
    const live = Array.from(scope.querySelectorAll(".js-plotly-plot")).filter((e) =>
      e.querySelector("svg.main-svg"),
    );
    const pictures = Array.from(scope.querySelectorAll(".jp-RenderedPlotly")).filter((e) => {
      const img = e.querySelector("img.plot-img") as HTMLImageElement | null;
      return !live.includes(e) && img !== null && img.style.display !== "none" && img.naturalWidth > 0;
    });
    return live.length + pictures.length;
  });
}

async function waitForPlots(page: Page, n: number, timeoutMs: number): Promise<number> {
  const end = Date.now() + timeoutMs;
  let seen = 0;
  while (Date.now() < end) {
    seen = await drawnPlots(page);
    if (seen >= n) return seen;
    await page.waitForTimeout(500);
  }
  return seen;
}

/** A browser context whose requests may only reach localhost (or files, data: and blob: URLs). */
async function offlineContext(browser: Browser, external: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url) || /^(file|data|blob):/.test(url)) {
      return route.continue();
    }
    external.push(url);
    return route.abort();
  });
  return context;
}

function startLab(python: string): ChildProcess {
  return spawn(python, labArgs({ port, rootDir: work, token }), {
    cwd: work,
    env: {
      ...jupyterEnv(process.env, python),
      JUPYTERLAB_SETTINGS_DIR: settings,
      JUPYTERLAB_WORKSPACES_DIR: path.join(work, ".lab-workspaces"),
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
}

async function stopLab(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const closed = new Promise((r) => child.on("close", r));
  process.kill(-child.pid!, "SIGTERM");
  await Promise.race([closed, new Promise((r) => setTimeout(r, 10000))]);
  if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
}

async function waitForServer(deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(`${base}/api/status`, { headers: { Authorization: `token ${token}` } });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`JupyterLab did not answer on port ${port}`);
}

/** Outputs of a saved notebook that carry a plotly figure. */
function savedFigures(file: string): number {
  let nb: { cells: { outputs?: { data?: Record<string, unknown> }[] }[] };
  try {
    nb = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return 0; // absent, or being written
  }
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => o.data && "application/vnd.plotly.v1+json" in o.data).length;
}

describe("plots in the browser", { timeout: 420000 }, () => {
  let lab: ChildProcess | undefined;
  let browser: Browser | undefined;
  let python = "";
  const external: string[] = [];
  const figures = expectedFigures();
  const saved = path.join(work, "plots.ipynb");

  before(async () => {
    browser = await launchBrowser(); // first: without a browser, fail before starting JupyterLab
    python = ensureJupyter(() => {}).python;
    ensureKernel();
    ensureLibBuilt(() => {});
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(shots, { recursive: true });
    // Render every cell (no windowing), so off-screen figures are drawn too.
    const tracker = path.join(settings, "@jupyterlab", "notebook-extension");
    fs.mkdirSync(tracker, { recursive: true });
    fs.writeFileSync(
      path.join(tracker, "tracker.jupyterlab-settings"),
      JSON.stringify({ windowingMode: "none" }),
    );
    const notifications = path.join(settings, "@jupyterlab", "apputils-extension");
    fs.mkdirSync(notifications, { recursive: true });
    fs.writeFileSync(
      path.join(notifications, "notification.jupyterlab-settings"),
      JSON.stringify({ fetchNews: "false", checkForUpdates: false }),
    );
    fs.copyFileSync(fixture, saved);
    lab = startLab(python);
    let err = "";
    lab.stderr!.on("data", (d) => (err = (err + d).slice(-4000)));
    lab.on("close", (code) => {
      if (code) console.error(`JupyterLab exited ${code}:\n${err}`);
    });
    await waitForServer(90000);
  });

  after(async () => {
    await browser?.close();
    if (lab) await stopLab(lab);
  });

  it(`JupyterLab draws all ${figures} figures after Run All and saves them`, async () => {
    const context = await offlineContext(browser!, external);
    const page = await context.newPage();
    await page.goto(`${base}/lab/tree/plots.ipynb?reset&token=${token}`);
    await page.locator(".jp-Notebook .jp-Cell").first().waitFor({ timeout: 60000 });
    // Run All before the kernel is connected is silently lost: wait for the status bar's "Idle".
    await page.getByText("TypeScript (tslab) | Idle").first().waitFor({ timeout: 60000 });
    await page.locator(".jp-Notebook").first().click();
    await page.locator(".lm-MenuBar-itemLabel", { hasText: /^Run$/ }).click();
    await page.locator(".lm-Menu-itemLabel", { hasText: /^Run All Cells$/ }).click();
    const seen = await waitForPlots(page, figures, 90000);
    await page.screenshot({ path: path.join(shots, "plots-lab-run-all.png") });
    assert.equal(seen, figures, "drawn plotly figures after Run All");
    await page.getByText("1000/1000 (100%) finished").waitFor({ timeout: 30000 });
    await page.keyboard.press("Control+s");
    const end = Date.now() + 30000;
    while (savedFigures(saved) < figures && Date.now() < end) await page.waitForTimeout(300);
    assert.equal(savedFigures(saved), figures, "figures in the saved notebook");
    await context.close();
    assert.deepEqual(external, [], "requests that left localhost");
  });

  it("the saved notebook opened fresh shows every figure: JupyterLab, an untrusted copy, Notebook 7", async () => {
    const untrusted = path.join(work, "plots-untrusted.ipynb");
    const nb = JSON.parse(fs.readFileSync(saved, "utf8")) as { metadata: Record<string, unknown> };
    nb.metadata.copied_for_test = true; // the signature no longer matches: Jupyter treats it as untrusted
    fs.writeFileSync(untrusted, JSON.stringify(nb));
    const pages: [string, string, boolean][] = [
      ["lab-reopened", `${base}/lab/tree/plots.ipynb?reset&token=${token}`, true],
      ["lab-untrusted", `${base}/lab/tree/plots-untrusted.ipynb?reset&token=${token}`, false],
      ["notebook7", `${base}/notebooks/plots.ipynb?token=${token}`, false],
    ];
    for (const [name, url, live] of pages) {
      const context = await offlineContext(browser!, external);
      const page = await context.newPage();
      await page.goto(url);
      let seen: number;
      if (live) {
        // Every figure turns into a drawn plotly plot.
        await liven(page, figures, 60000);
        seen = await waitForPlots(page, figures, 20000);
      } else {
        const end = Date.now() + 45000;
        while ((seen = await shownFigures(page)) < figures && Date.now() < end)
          await page.waitForTimeout(500);
      }
      await page.screenshot({ path: path.join(shots, `plots-${name}.png`) });
      await context.close();
      assert.equal(seen, figures, `figures shown in ${name}`);
    }
    const context = await offlineContext(browser!, external);
    const page = await context.newPage();
    await page.goto(`${base}/tree?token=${token}`);
    await page.getByText("plots.ipynb", { exact: true }).first().waitFor({ timeout: 30000 });
    await context.close();
    assert.deepEqual(external, [], "requests that left localhost");
  });

  it("the nbconvert HTML export opened from disk shows every figure, offline", async () => {
    const r = spawnSync(
      python,
      [
        "-m",
        "nbconvert",
        "--to",
        "html",
        // No CDN script tags in the page (require.js and MathJax would be fetched from the internet).
        "--HTMLExporter.require_js_url=",
        "--HTMLExporter.mathjax_url=",
        "--output-dir",
        work,
        saved,
      ],
      { env: jupyterEnv(process.env, python), encoding: "utf8" },
    );
    assert.equal(r.status, 0, r.stderr);
    const html = path.join(work, "plots.html");
    const context = await offlineContext(browser!, external);
    const page = await context.newPage();
    await page.goto(`file://${html}`);
    const seen = await waitForPlots(page, figures, 30000);
    await page.screenshot({ path: path.join(shots, "plots-nbconvert.png"), fullPage: false });
    await context.close();
    assert.equal(seen, figures, "drawn plotly figures in the HTML export");
    assert.deepEqual(external, [], "requests that left localhost");
  });
});
