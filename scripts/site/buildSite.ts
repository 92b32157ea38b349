/**
 * The course as a static website (`npm run build`): executes the lessons that have no fresh executed copy
 * (jupyter/freshness.ts), renders each executed lesson to <site>/<lesson>.html (student version unless
 * `instructor`), writes the index, the API reference (apiDocs.ts, built while the lessons execute), the
 * assets, and build.json with the times. The site works from disk: no file it loads comes from the network.
 */
import * as fs from "fs";
import * as path from "path";
import type { Notebook } from "../../jupyter/notebook";
import { ROOT, ensureLibBuilt } from "../../jupyter/environment";
import { executeNotebooks, formatResult, lessonNotebooks } from "../../jupyter/executeNotebook";
import { buildApiDocs } from "./apiDocs";
import { executionRecord, libSha256, staleReason } from "../../jupyter/freshness";
import { escapeHtml } from "../../jupyter/html";
import { renderMarkdownInline } from "./markdown";
import type { MathError } from "./math";
import { page, writeAssets } from "./page";
import { writeLive } from "./live";
import { lessonInfo, renderNotebook } from "./renderNotebook";
import { studentView } from "./studentView";
import { copyLiteEdition, liteIndexParagraph, liteLessonLink } from "./liteEdition";

export const DEFAULT_COURSE_TITLE = "Optimization for Deep Learning";
/** The course's time budget: no lesson over 90 s, the whole build within 10 minutes on 2 cores. */
export const LESSON_BUDGET_SECONDS = 90;
export const BUILD_BUDGET_SECONDS = 600;

export interface BuildOptions {
  /** Lesson notebooks in order (default: notebooks/*.ipynb). */
  notebooks?: string[];
  /** Output folder (default build/site). */
  siteDir?: string;
  /** Where executed copies are read and written (default build/executed). */
  executedDir?: string;
  /** Show the instructor's notebooks (solutions, hidden tests) instead of the student version. */
  instructor?: boolean;
  /** Build the API reference (default true). */
  api?: boolean;
  /** Execute the lessons whose executed copy is missing or stale (default true). */
  execute?: boolean;
  /** Write the live edition's runtime and notebooks (default true; student version only). */
  live?: boolean;
  /** Course title (default: the first heading of README.md). */
  courseTitle?: string;
  log?: (line: string) => void;
}

export interface LessonRecord {
  notebook: string;
  page: string;
  title: string;
  summary: string;
  /** How the executed copy was obtained. */
  execution: "reused" | "executed" | "failed" | "missing";
  /** Why it was executed again (when it was). */
  staleBecause?: string;
  /** Seconds the notebook took to execute (this build, or the execution that was reused). */
  executionSeconds: number | null;
  renderSeconds: number;
  figures: number;
  ok: boolean;
  problem?: string;
}

export interface BuildReport {
  courseTitle: string;
  instructor: boolean;
  ok: boolean;
  totalSeconds: number;
  executeSeconds: number;
  api: { ok: boolean; seconds: number; log: string } | null;
  lessons: LessonRecord[];
  mathErrors: (MathError & { page: string })[];
}

/** The course title: the first heading of README.md, without what follows a dash. */
export function courseTitle(root = ROOT): string {
  const readme = path.join(root, "README.md");
  if (!fs.existsSync(readme)) return DEFAULT_COURSE_TITLE;
  const m = /^#\s+(.+)$/m.exec(fs.readFileSync(readme, "utf8"));
  return m ? m[1].split(/\s+[—–-]\s+/)[0].trim() : DEFAULT_COURSE_TITLE;
}

const stem = (file: string) => path.basename(file).replace(/\.ipynb$/, "");
const seconds = (s: number | null) => (s === null ? "–" : `${s.toFixed(1)} s`);

function indexPage(title: string, lessons: LessonRecord[], instructor: boolean, lite = false): string {
  const items = lessons
    .map(
      (l) => `<li><a class="lesson-title" href="${escapeHtml(l.page)}">${escapeHtml(l.title)}</a>
<div class="summary">${renderMarkdownInline(l.summary)}</div>
<div class="meta">${escapeHtml(stem(l.notebook))}.ipynb · run time ${seconds(l.executionSeconds)}${
        l.ok ? "" : ` · <span class="failed">${escapeHtml(l.problem ?? "failed")}</span>`
      }</div></li>`,
    )
    .join("\n");
  const body = `<h1>${escapeHtml(title)}</h1>
<p>The lessons in order. Each is a notebook executed with the tslab TypeScript kernel; every number and figure
on these pages was computed by the course library. The <a href="api/index.html">API reference</a> documents
the library${instructor ? "" : "; exercise solutions are left for you to write"}.</p>
${lite ? liteIndexParagraph() : ""}
<ol class="lessons">
${items}
</ol>`;
  return page({ title, courseTitle: title, body, kind: "index", instructor });
}

/** Builds the site; never throws for a failing lesson (see `ok` and each lesson's `problem`). */
export async function buildSite(options: BuildOptions = {}): Promise<BuildReport> {
  const started = Date.now();
  const log = options.log ?? console.log;
  const siteDir = path.resolve(options.siteDir ?? path.join(ROOT, "build", "site"));
  const executedDir = path.resolve(options.executedDir ?? path.join(ROOT, "build", "executed"));
  const notebooks = (options.notebooks ?? lessonNotebooks()).map((f) => path.resolve(f));
  const instructor = options.instructor ?? false;
  const title = options.courseTitle ?? courseTitle();
  const executedPath = (f: string) => path.join(executedDir, path.basename(f));

  // 1. executions: reuse fresh copies, execute the rest (two at a time); lib is built first so that its
  // hash describes the current sources
  if (options.execute !== false) ensureLibBuilt(log);
  const libHash = libSha256(ROOT);
  const stale = new Map<string, string>();
  for (const f of notebooks) {
    const why = staleReason(f, executedPath(f), libHash);
    if (why) stale.set(f, why);
  }
  // the API reference (TypeDoc, a child process) is built meanwhile
  fs.rmSync(siteDir, { recursive: true, force: true });
  fs.mkdirSync(siteDir, { recursive: true });
  writeAssets(ROOT, siteDir);
  const apiBuild = options.api !== false ? buildApiDocs(ROOT, path.join(siteDir, "api"), title) : null;
  const executedNow = new Map<string, boolean>();
  const executeStarted = Date.now();
  if (stale.size > 0 && options.execute !== false) {
    log(`executing ${stale.size} of ${notebooks.length} notebooks (the others have fresh executed copies)`);
    const results = await executeNotebooks([...stale.keys()], {
      outDir: executedDir,
      log,
      onResult: (r) => log(formatResult(r)),
    });
    for (const r of results) executedNow.set(path.resolve(r.notebook), r.ok);
  }
  const executeSeconds = (Date.now() - executeStarted) / 1000;

  // 2. pages
  const mathErrors: BuildReport["mathErrors"] = [];
  const lessons: LessonRecord[] = [];
  const rendered: { record: LessonRecord; html: string; figures: number }[] = [];
  for (const file of notebooks) {
    const renderStarted = Date.now();
    const name = path.basename(file);
    const copy = executedPath(file);
    const record: LessonRecord = {
      notebook: path.relative(ROOT, file),
      page: `${stem(file)}.html`,
      title: stem(file),
      summary: "",
      execution: "missing",
      executionSeconds: null,
      renderSeconds: 0,
      figures: 0,
      ok: true,
    };
    if (stale.has(file)) record.staleBecause = stale.get(file);
    let nb: Notebook;
    const ran = executedNow.get(file);
    if (fs.existsSync(copy)) {
      nb = JSON.parse(fs.readFileSync(copy, "utf8"));
      const exec = executionRecord(copy);
      record.executionSeconds = exec?.seconds ?? null;
      record.execution = ran === undefined ? "reused" : ran ? "executed" : "failed";
      if (exec?.ok !== true) {
        record.execution = "failed";
        record.ok = false;
        record.problem = "the notebook failed to execute";
      } else if (ran === undefined && stale.has(file)) {
        record.problem = `executed copy is stale: ${stale.get(file)}`;
        record.ok = false;
      }
    } else {
      nb = JSON.parse(fs.readFileSync(file, "utf8"));
      record.ok = false;
      record.problem = "not executed";
    }
    const info = lessonInfo(nb, stem(file));
    record.title = info.title;
    record.summary = info.summary;
    let html = "";
    try {
      const shown = instructor ? nb : studentView(nb, name).notebook;
      const r = renderNotebook(shown, stem(file));
      html = r.html;
      record.figures = r.figures;
      for (const e of r.mathErrors) mathErrors.push({ ...e, page: record.page });
      if (r.mathErrors.length > 0 && record.ok) {
        record.ok = false;
        record.problem = `${r.mathErrors.length} formula(s) KaTeX cannot render`;
      }
    } catch (e) {
      record.ok = false;
      record.problem = e instanceof Error ? e.message : String(e);
    }
    if (!record.ok) {
      html = `<p class="banner">This page is incomplete: ${escapeHtml(record.problem ?? "")}.</p>\n${html}`;
    }
    record.renderSeconds = (Date.now() - renderStarted) / 1000;
    lessons.push(record);
    rendered.push({ record, html, figures: record.figures });
  }
  const lite = copyLiteEdition(path.join(ROOT, "build", "lite"), siteDir);
  rendered.forEach(({ record, html, figures }, i) => {
    const prev = rendered[i - 1]?.record;
    const next = rendered[i + 1]?.record;
    const out = page({
      title: record.title,
      courseTitle: title,
      body: lite ? liteLessonLink(record.notebook) + html : html,
      plotly: figures > 0,
      kind: "lesson",
      instructor,
      live: instructor ? undefined : stem(record.notebook),
      prev: prev ? { href: prev.page, label: prev.title } : undefined,
      next: next ? { href: next.page, label: next.title } : undefined,
    });
    fs.writeFileSync(path.join(siteDir, record.page), out);
  });
  fs.writeFileSync(path.join(siteDir, "index.html"), indexPage(title, lessons, instructor, lite));

  // 3. the live edition (student pages only): the browser runtime and the release notebooks
  if (!instructor && options.live !== false) await writeLive(siteDir, notebooks, log);

  // 4. API reference
  const api: BuildReport["api"] = apiBuild ? await apiBuild : null;
  if (api && !api.ok) log(`API reference failed:\n${api.log}`);

  const report: BuildReport = {
    courseTitle: title,
    instructor,
    ok: lessons.every((l) => l.ok) && (api?.ok ?? true),
    totalSeconds: (Date.now() - started) / 1000,
    executeSeconds,
    api,
    lessons,
    mathErrors,
  };
  fs.writeFileSync(path.join(siteDir, "build.json"), JSON.stringify(report, null, 2) + "\n");
  return report;
}

/** The build's time table: one line per lesson, then the API reference and the total. */
export function formatReport(r: BuildReport, siteDir: string): string {
  const lines = r.lessons.map((l) => {
    const how = l.execution === "reused" ? "reused" : l.execution;
    const status = l.ok ? "ok  " : "FAIL";
    const slow =
      (l.executionSeconds ?? 0) > LESSON_BUDGET_SECONDS ? ` OVER THE ${LESSON_BUDGET_SECONDS} s BUDGET` : "";
    return `${status} ${l.notebook.padEnd(40)} run ${seconds(l.executionSeconds).padStart(8)} (${how})${slow}, render ${l.renderSeconds.toFixed(2)} s, ${l.figures} figures${l.problem ? `: ${l.problem}` : ""}`;
  });
  for (const e of r.mathErrors) lines.push(`     ${e.page}: KaTeX: ${e.message}`);
  if (r.api)
    lines.push(`${r.api.ok ? "ok  " : "FAIL"} API reference (TypeDoc) ${r.api.seconds.toFixed(1)} s`);
  lines.push(
    `site ${r.instructor ? "(instructor version) " : ""}in ${siteDir}: ${r.lessons.length} lessons, ` +
      `executions ${r.executeSeconds.toFixed(1)} s, total ${r.totalSeconds.toFixed(1)} s`,
  );
  const serial = r.lessons.reduce((sum, l) => sum + (l.executionSeconds ?? 0), 0);
  lines.push(
    `lessons' run times add up to ${serial.toFixed(1)} s (executed two at a time; budget: ` +
      `${LESSON_BUDGET_SECONDS} s per lesson, ${BUILD_BUDGET_SECONDS} s for the whole build)`,
  );
  if (r.totalSeconds > BUILD_BUDGET_SECONDS)
    lines.push(`the build took over its ${BUILD_BUDGET_SECONDS} s budget`);
  return lines.join("\n");
}
