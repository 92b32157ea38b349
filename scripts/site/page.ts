/**
 * The site's page frame and its static assets: one stylesheet, one script that draws plotly figures from
 * their JSON, KaTeX's CSS and fonts, and plotly.min.js, all copied from node_modules so the site works from
 * disk with no network.
 */
import * as fs from "fs";
import * as path from "path";
import { escapeHtml } from "../../jupyter/html";
import { FIGURE_SCRIPT } from "../../jupyter/renderOutputs";
import { LIVE_CSS, LIVE_HINT, LIVE_LOADER } from "./live";

export interface NavLink {
  href: string;
  label: string;
}

export interface PageOptions {
  title: string;
  courseTitle: string;
  body: string;
  /** Has figures: site.js loads plotly.min.js when the first comes near the view (a live page's too). */
  plotly?: boolean;
  prev?: NavLink;
  next?: NavLink;
  /** Extra class on <body> (index | lesson). */
  kind: "index" | "lesson";
  /** Shown in the header when the site is the instructor's version. */
  instructor?: boolean;
  /** The lesson's name when the page has a live edition (scripts/site/live.ts). */
  live?: string;
}

function nav(o: PageOptions, where: "top" | "bottom"): string {
  const prev = o.prev
    ? `<a class="prev" rel="prev" href="${escapeHtml(o.prev.href)}">← ${escapeHtml(o.prev.label)}</a>`
    : `<span class="prev"></span>`;
  const next = o.next
    ? `<a class="next" rel="next" href="${escapeHtml(o.next.href)}">${escapeHtml(o.next.label)} →</a>`
    : `<span class="next"></span>`;
  return `<nav class="pager ${where}">${prev}<a class="home" href="index.html">Contents</a><a class="api" href="api/index.html">API reference</a>${next}</nav>`;
}

/** A complete HTML page of the site. */
export function page(o: PageOptions): string {
  const badge = o.instructor ? ` <span class="badge">instructor version</span>` : "";
  const pager = o.kind === "lesson";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title === o.courseTitle ? o.title : `${o.title} · ${o.courseTitle}`)}</title>
<link rel="stylesheet" href="assets/katex/katex.min.css">
<link rel="stylesheet" href="assets/site.css">
${o.live ? `<script src="assets/live.js" data-lesson="${escapeHtml(o.live)}"></script>\n` : ""}</head>
<body class="${o.kind}">
<header class="site"><a class="course" href="index.html">${escapeHtml(o.courseTitle)}</a>${badge}</header>
${pager ? nav(o, "top") : ""}
<main>
${o.live ? `<p class="live-hint">${LIVE_HINT}</p>\n` : ""}${o.body}
</main>
${pager ? nav(o, "bottom") : ""}
<script src="assets/site.js"${o.plotly || o.live ? ` data-plotly="assets/plotly.min.js"` : ""}></script>
</body>
</html>
`;
}

export const SITE_CSS = `:root { --fg: #1d2430; --muted: #5b6573; --accent: #2457c5; --code-bg: #f6f8fa; --border: #dfe3e8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header.site { padding: 0.8rem 1.5rem; border-bottom: 1px solid var(--border); }
header.site .course { font-weight: 600; color: var(--fg); text-decoration: none; }
.badge { margin-left: 0.6rem; padding: 0.1rem 0.5rem; border-radius: 4px; background: #b3261e; color: #fff; font-size: 0.8rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
a { color: var(--accent); }
nav.pager { display: flex; gap: 1rem; justify-content: space-between; max-width: 60rem; margin: 0 auto; padding: 0.6rem 1.5rem; }
nav.pager .home, nav.pager .api { color: var(--muted); }
nav.pager .prev, nav.pager .next { flex: 1; }
nav.pager .next { text-align: right; }
pre { background: var(--code-bg); padding: 0.7rem 0.9rem; border-radius: 6px; overflow-x: auto; font: 0.86rem/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
section.cell { margin: 0.9rem 0; }
section.cell.code pre.input { border-left: 3px solid var(--accent); }
.outputs { margin-left: 0.8rem; }
pre.output { background: #fff; border: 1px solid var(--border); }
pre.output.stderr, pre.output.error { background: #fff4f4; border-color: #f3c2c2; }
.output.html table { border-collapse: collapse; }
.output.html td, .output.html th { border: 1px solid var(--border); padding: 0.2rem 0.5rem; }
.output.image img { max-width: 100%; }
.plotly-figure { min-height: 320px; margin: 0.5rem 0; }
.katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.2rem 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--border); padding: 0.25rem 0.6rem; }
ol.lessons { padding-left: 0; list-style: none; }
ol.lessons li { margin: 0.9rem 0; padding: 0.7rem 1rem; border: 1px solid var(--border); border-radius: 8px; }
ol.lessons .lesson-title { font-weight: 600; font-size: 1.05rem; }
ol.lessons .meta { color: var(--muted); font-size: 0.85rem; }
ol.lessons .failed { color: #b3261e; font-weight: 600; }
.tok-keyword, .tok-variable.language_ { color: #a626a4; } .tok-string, .tok-regexp { color: #50a14f; }
.tok-number, .tok-literal { color: #986801; } .tok-comment, .tok-meta { color: #8a8f98; font-style: italic; }
.tok-built_in, .tok-type, .tok-title.class_ { color: #c18401; } .tok-title.function_ { color: #4078f2; }
.banner { padding: 0.6rem 1rem; border-radius: 6px; background: #fff4f4; border: 1px solid #f3c2c2; }
`;

export const SITE_JS = FIGURE_SCRIPT;

/** Copies KaTeX (CSS and fonts) and plotly.min.js from node_modules, and writes site.css and site.js. */
export function writeAssets(root: string, siteDir: string): void {
  const assets = path.join(siteDir, "assets");
  const katexDist = path.join(root, "node_modules", "katex", "dist");
  fs.mkdirSync(path.join(assets, "katex"), { recursive: true });
  fs.copyFileSync(path.join(katexDist, "katex.min.css"), path.join(assets, "katex", "katex.min.css"));
  fs.cpSync(path.join(katexDist, "fonts"), path.join(assets, "katex", "fonts"), { recursive: true });
  fs.copyFileSync(
    path.join(root, "node_modules", "plotly.js-dist-min", "plotly.min.js"),
    path.join(assets, "plotly.min.js"),
  );
  fs.writeFileSync(path.join(assets, "site.css"), SITE_CSS + LIVE_CSS);
  fs.writeFileSync(path.join(assets, "site.js"), SITE_JS);
  fs.writeFileSync(path.join(assets, "live.js"), LIVE_LOADER);
}
