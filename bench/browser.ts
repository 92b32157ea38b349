/**
 * The live website against tslab, in the same run (`npm run bench -- browser [--lessons 00,05]
 * [--repeats 3]`), each measurement repeated (interleaved) and recorded as median, range and runs:
 * - tslab: each lesson executed by the notebook runner (nbclient, tslab kernel, one at a time, kernel
 *   start included);
 * - browser: each lesson's live page (build/site, served by `npm run serve` on 127.0.0.1, every other host
 *   aborted) in headless Chromium, its exercises answered with the instructor's solutions (as stored
 *   edits) so that every cell runs as in tslab, Run all clicked on a fresh page (a new worker: its start
 *   included), to the last cell's end (figures out of view are drawn when scrolled to, as on any visit);
 * - cold start: a fresh browser context (empty cache) per lesson, from the navigation to the first code
 *   cell's result, Run clicked as soon as the live page is ready;
 * - bytes, as sent (gzip): what the cold first visit downloads to the first cell's result, split into the
 *   page's files (HTML, styles, scripts, the notebook, live.js, plotly.js when a figure is near the view)
 *   and the runtime, and, lessons visited in order in one context, what each lesson adds (Run all
 *   included; the HTTP cache revalidates, so shared files cost a 304).
 * Builds the site first when build/site/runtime/ is missing. Writes build/bench/browser.json.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { executeNotebook, lessonNotebooks, prepare } from "../jupyter/executeNotebook";
import { roleOf, parseNotebook, sourceOf } from "../jupyter/notebook";
import { releaseNotebook } from "../grader/release";
import { formatSpread, machineRecord, pairedRatios, spread } from "./peers";
import { numberOption, option } from "./args";

const ROOT = path.resolve(__dirname, "..");
const SITE = path.join(ROOT, "build", "site");
const only = option("--lessons", "") ? option("--lessons", "").split(",") : undefined;
const lessons = lessonNotebooks()
  .map((f) => path.basename(f).replace(/\.ipynb$/, ""))
  .filter((l) => !only || only.some((o) => l.startsWith(o)));

/** Each lesson's three measurements are repeated, interleaved: all of tslab, then cold visits, then Run all. */
const REPEATS = numberOption("--repeats", 3);

/** Chromium as the browser tests find it: CHROME_PATH, else chromium or google-chrome on the PATH. */
function browserPath(): string {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
      if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
    }
  }
  throw new Error("no Chromium or Chrome on the PATH (set CHROME_PATH)");
}

/** `npm run serve` on a free port; resolves to its URL. */
function serve(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", "0"], {
    cwd: ROOT,
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ child, base: m[1] });
    });
    child.on("exit", (code) => reject(new Error(`npm run serve exited (${code}): ${out}`)));
  });
}

/** The instructor's answers (code answer cells, region markers dropped) with the course source of each. */
function answers(lesson: string): Record<string, { source: string; base: string }> {
  const file = path.join(ROOT, "notebooks", `${lesson}.ipynb`);
  const nb = parseNotebook(fs.readFileSync(file, "utf8"), file);
  const released = new Map(releaseNotebook(nb, file).cells.map((c) => [c.id, sourceOf(c)]));
  const out: Record<string, { source: string; base: string }> = {};
  for (const c of nb.cells) {
    if (c.cell_type !== "code" || roleOf(c) !== "answer") continue;
    const source = sourceOf(c)
      .split("\n")
      .filter((l) => !/(BEGIN|END) SOLUTION/.test(l))
      .join("\n");
    out[c.id!] = { source, base: released.get(c.id) ?? "" };
  }
  return out;
}

/** Bytes received, as sent (gzip), split into the page (its HTML, assets, notebook, live.js) and the runtime. */
interface Bytes {
  page: number;
  runtime: number;
}

/** Requests that left the loopback site (none expected). */
const elsewhere: string[] = [];

/**
 * A context that adds up the bytes of its responses. With `block`, every request to another host is
 * aborted; playwright's routing also turns the HTTP cache off, so the tour of the lessons (which measures
 * what the cache saves) records other hosts' requests instead of routing them.
 */
async function context(
  browser: Browser,
  base: string,
  block: boolean,
): Promise<{ ctx: BrowserContext; bytes: () => Bytes }> {
  const ctx = await browser.newContext();
  const local = (url: string) => url.startsWith(base) || url.startsWith("blob:") || url.startsWith("data:");
  if (block) await ctx.route("**/*", (r) => (local(r.request().url()) ? r.continue() : r.abort()));
  const total: Bytes = { page: 0, runtime: 0 };
  ctx.on("request", (req) => {
    if (!local(req.url())) elsewhere.push(req.url());
  });
  ctx.on("requestfinished", (req) => {
    const url = req.url();
    const runtime = url.startsWith(`${base}runtime/`) && !url.endsWith("/live.js");
    void req.sizes().then((s) => {
      total[runtime ? "runtime" : "page"] += s.responseBodySize + s.responseHeadersSize;
    });
  });
  return { ctx, bytes: () => ({ ...total }) };
}

async function openLive(page: Page, base: string, lesson: string): Promise<void> {
  await page.goto(`${base}${lesson}.html`);
  await page.waitForFunction(() => window.courseLive !== undefined);
  await page.evaluate(() => window.courseLive!.then(() => undefined));
}

async function runAll(page: Page): Promise<void> {
  await page.click(".live-run-all");
  await page.waitForFunction(
    () =>
      document.body.dataset.live === "idle" &&
      !document.querySelector('section[data-state="queued"], section[data-state="running"]'),
    undefined,
    { timeout: 900_000, polling: 100 },
  );
}

/** What one lesson's cold visit measured. */
interface Cold {
  first_result_s: number;
  page_bytes: number;
  runtime_bytes: number;
}

/** A fresh context (empty cache): from the navigation to the first code cell's result, and the bytes. */
async function coldVisit(browser: Browser, base: string, lesson: string): Promise<Cold> {
  const { ctx, bytes } = await context(browser, base, true);
  const page = await ctx.newPage();
  const t0 = Date.now();
  await openLive(page, base, lesson);
  await page.click("section.cell.live .live-run");
  await page.waitForFunction(
    () => /done|failed/.test(document.querySelector("section.cell.live")?.getAttribute("data-state") ?? ""),
    undefined,
    { timeout: 120_000, polling: 50 },
  );
  const first = (Date.now() - t0) / 1000;
  await page.waitForLoadState("networkidle");
  const b = bytes();
  await ctx.close();
  return { first_result_s: first, page_bytes: b.page, runtime_bytes: b.runtime };
}

/** Run all on a fresh page of `lesson` in `ctx`, the exercises answered: seconds and the failed cells. */
async function runAllVisit(ctx: BrowserContext, base: string, lesson: string): Promise<[number, string[]]> {
  const page = await ctx.newPage();
  await openLive(page, base, lesson);
  await page.evaluate(
    ([l, a]) => {
      for (const [id, edit] of Object.entries(a))
        localStorage.setItem(`dlopt-live:${l}:${id}`, JSON.stringify(edit));
    },
    [lesson, answers(lesson)] as const,
  );
  await page.reload();
  await openLive(page, base, lesson);
  const t0 = Date.now();
  await runAll(page);
  const seconds = (Date.now() - t0) / 1000;
  await page.waitForLoadState("networkidle");
  const failed = await page.$$eval('section[data-state="failed"]', (s) => s.map((x) => x.id));
  await page.close();
  return [seconds, failed];
}

async function main(): Promise<void> {
  const load = os.loadavg();
  if (!fs.existsSync(path.join(SITE, "runtime", "live.js"))) {
    console.log("building the site (npm run build -- --no-api)");
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-site.ts", "--no-api"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (r.status !== 0) throw new Error("the site build failed");
  }
  const work = path.join(ROOT, "build", "bench", "browser-work");
  fs.mkdirSync(work, { recursive: true });
  const python = prepare(() => {});
  const { child, base } = await serve();
  const browser = await chromium.launch({
    executablePath: browserPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const runs = new Map(
    lessons.map((l) => [l, { tslab: [] as number[], runAll: [] as number[], first: [] as number[] }]),
  );
  const firstVisit = new Map<string, Cold>();
  const adds = new Map<string, number>();
  const failed = new Map<string, Set<string>>(lessons.map((l) => [l, new Set<string>()]));
  try {
    for (let repeat = 1; repeat <= REPEATS; repeat++) {
      for (const lesson of lessons) {
        const r = await executeNotebook(python, path.join(ROOT, "notebooks", `${lesson}.ipynb`), {
          outDir: work,
          log: () => {},
        });
        if (!r.ok) throw new Error(`${lesson} failed in tslab`);
        runs.get(lesson)!.tslab.push(r.seconds);
        console.log(`${repeat}/${REPEATS} tslab   ${lesson} ${r.seconds.toFixed(1)} s`);
      }
      for (const lesson of lessons) {
        const c = await coldVisit(browser, base, lesson);
        runs.get(lesson)!.first.push(c.first_result_s);
        if (!firstVisit.has(lesson)) firstVisit.set(lesson, c);
        console.log(
          `${repeat}/${REPEATS} cold    ${lesson} first result ${c.first_result_s.toFixed(1)} s, page ${c.page_bytes} B, runtime ${c.runtime_bytes} B`,
        );
      }
      // Lessons in order in one context (warm cache, a new page and worker per lesson).
      const { ctx, bytes } = await context(browser, base, false);
      for (const lesson of lessons) {
        const before = bytes();
        const [seconds, failedCells] = await runAllVisit(ctx, base, lesson);
        const after = bytes();
        runs.get(lesson)!.runAll.push(seconds);
        if (!adds.has(lesson)) adds.set(lesson, after.page + after.runtime - before.page - before.runtime);
        for (const id of failedCells) failed.get(lesson)!.add(id);
        console.log(
          `${repeat}/${REPEATS} browser ${lesson} Run all ${seconds.toFixed(1)} s${failedCells.length ? `, failed: ${failedCells.join(", ")}` : ""}`,
        );
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
    child.kill();
  }
  const records = lessons.map((lesson) => {
    const r = runs.get(lesson)!;
    const c = firstVisit.get(lesson)!;
    return {
      lesson,
      tslab_s: spread(r.tslab),
      browser_run_all_s: spread(r.runAll),
      ratio: spread(pairedRatios(r.runAll, r.tslab)),
      first_result_s: spread(r.first),
      first_visit_page_bytes: c.page_bytes,
      first_visit_runtime_bytes: c.runtime_bytes,
      lesson_adds_bytes: adds.get(lesson)!,
      failed_cells: [...failed.get(lesson)!],
    };
  });
  console.log(`\nmedian (range) of ${REPEATS} repeats`);
  console.table(
    records.map((r) => ({
      lesson: r.lesson,
      tslab_s: formatSpread(r.tslab_s, 1),
      browser_run_all_s: formatSpread(r.browser_run_all_s, 1),
      ratio: formatSpread(r.ratio, 2),
      first_result_s: formatSpread(r.first_result_s, 1),
      page_bytes: r.first_visit_page_bytes,
      runtime_bytes: r.first_visit_runtime_bytes,
      adds_bytes: r.lesson_adds_bytes,
    })),
  );
  const file = path.join(ROOT, "build", "bench", "browser.json");
  if (elsewhere.length > 0) console.log(`requests to other hosts: ${elsewhere.join(", ")}`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      { repeats: REPEATS, records, other_hosts: elsewhere, machine: machineRecord(load) },
      null,
      2,
    ) + "\n",
  );
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
