/**
 * An executed notebook as the body of a lesson page: markdown with KaTeX math, highlighted TypeScript, and
 * the outputs (text streams, HTML, PNG/JPEG/SVG images, markdown, LaTeX, JSON and plotly figures). A
 * plotly figure (`application/vnd.plotly.v1+json`) becomes a placeholder `<div class="plotly-figure">` with
 * its JSON beside it, drawn in the browser by the site's one plotly.min.js (assets/site.js); the figure's
 * `text/html` alternative, which inlines plotly.js, is never copied into the site.
 */
import { sourceOf, type Cell, type Notebook } from "../../jupyter/notebook";
import { escapeHtml, scriptJson, stripAnsi } from "./html";
import { highlightTypeScript } from "./highlight";
import type { MathError } from "./math";
import { renderTex } from "./math";
import { markdownText, renderMarkdown } from "./markdown";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** A notebook output as stored in an .ipynb. */
export interface Output {
  output_type: "stream" | "display_data" | "execute_result" | "error" | string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface RenderedNotebook {
  /** HTML of the cells. */
  html: string;
  /** Number of plotly figures on the page. */
  figures: number;
  /** Formulas KaTeX could not render (shown in red on the page). */
  mathErrors: MathError[];
}

export interface LessonInfo {
  /** The first heading of the first markdown cell (plain text), or the file name. */
  title: string;
  /** Markdown: `metadata.course.summary` or the first paragraph after the title. */
  summary: string;
}

const text = (v: unknown): string => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");

/** An HTML output that only carries the plotly.js bundle (inlined once per kernel session by the plot display). */
export function isPlotlyBundle(html: string): boolean {
  return html.length > 200_000 && /plotly/i.test(html.slice(0, 2000) + html.slice(-2000));
}

/** Title and one-line summary of a lesson, from its metadata or its first markdown cell. */
export function lessonInfo(nb: Notebook, fallbackTitle: string): LessonInfo {
  const meta = (nb.metadata?.course ?? {}) as { title?: string; summary?: string };
  const first = nb.cells.find((c) => c.cell_type === "markdown");
  const source = first ? sourceOf(first) : "";
  const heading = /^\s*#\s+(.+)$/m.exec(source);
  const title = meta.title ?? (heading ? markdownText(heading[1]) : fallbackTitle);
  let summary = meta.summary;
  if (summary === undefined) {
    const rest = heading ? source.slice((heading.index ?? 0) + heading[0].length) : source;
    const paragraph = rest
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p !== "" && !/^(#|!\[|<|\||```|\$\$|[-*+] |\d+\. )/.test(p));
    summary = (paragraph ?? "").replace(/\s*\n\s*/g, " ");
    const sentences = summary.split(/(?<=[.!?])\s+(?=[A-Z])/);
    const whole = (t: string) => (t.split("$").length - 1) % 2 === 0; // no formula cut in two
    if (summary.length > 240 && sentences.length > 1 && whole(sentences[0])) {
      summary = sentences[0];
    } else if (!/[.!?]$/.test(summary) && sentences.length > 1) {
      // a paragraph that leads into a formula or a list ("... a single update,"): its complete sentences
      const complete = sentences.slice(0, -1).join(" ");
      if (whole(complete)) summary = complete;
    }
  }
  return { title, summary };
}

function cellTags(cell: Cell): string[] {
  const tags = cell.metadata?.tags;
  return Array.isArray(tags) ? tags.map(String) : [];
}

/** Merges consecutive stream outputs of the same stream (Jupyter sends them in pieces). */
function mergeStreams(outputs: Output[]): Output[] {
  const merged: Output[] = [];
  for (const o of outputs) {
    const last = merged[merged.length - 1];
    if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) {
      merged[merged.length - 1] = { ...last, text: text(last.text) + text(o.text) };
    } else merged.push(o);
  }
  return merged;
}

class Renderer {
  figures = 0;
  mathErrors: MathError[] = [];

  constructor(private readonly prefix: string) {}

  output(o: Output): string {
    if (o.output_type === "stream") {
      const cls = o.name === "stderr" ? "stderr" : "stdout";
      return `<pre class="output stream ${cls}">${escapeHtml(stripAnsi(text(o.text)))}</pre>`;
    }
    if (o.output_type === "error") {
      const body = o.traceback?.length ? o.traceback.join("\n") : `${o.ename}: ${o.evalue}`;
      return `<pre class="output error">${escapeHtml(stripAnsi(body))}</pre>`;
    }
    const data = o.data ?? {};
    if (PLOTLY_MIME in data) {
      const raw = data[PLOTLY_MIME];
      const figure = typeof raw === "string" ? JSON.parse(raw) : raw;
      const id = `${this.prefix}-figure-${++this.figures}`;
      return (
        `<div class="output plotly-figure" id="${id}"></div>` +
        `<script type="application/json" data-figure="${id}">${scriptJson(figure)}</script>`
      );
    }
    if ("text/html" in data) {
      const html = text(data["text/html"]);
      if (isPlotlyBundle(html)) return "";
      return `<div class="output html">${html}</div>`;
    }
    if ("image/svg+xml" in data) return `<div class="output image">${text(data["image/svg+xml"])}</div>`;
    for (const mime of ["image/png", "image/jpeg", "image/gif"]) {
      if (mime in data) {
        const b64 = text(data[mime]).replace(/\s/g, "");
        return `<div class="output image"><img alt="figure" src="data:${mime};base64,${b64}"></div>`;
      }
    }
    if ("text/markdown" in data) {
      return `<div class="output markdown">${renderMarkdown(text(data["text/markdown"]), this.mathErrors)}</div>`;
    }
    if ("text/latex" in data) {
      const tex = text(data["text/latex"])
        .trim()
        .replace(/^\$\$?|\$\$?$/g, "");
      return `<div class="output latex">${renderTex(tex, true, this.mathErrors)}</div>`;
    }
    if ("application/json" in data) {
      return `<pre class="output json">${escapeHtml(JSON.stringify(data["application/json"], null, 2))}</pre>`;
    }
    if ("text/plain" in data)
      return `<pre class="output text">${escapeHtml(stripAnsi(text(data["text/plain"])))}</pre>`;
    return "";
  }

  cell(cell: Cell, index: number): string {
    const tags = cellTags(cell);
    if (tags.includes("remove-cell")) return "";
    const id = escapeHtml(cell.id ?? `cell-${index + 1}`);
    if (cell.cell_type === "markdown") {
      return `<section class="cell markdown" id="${id}">${renderMarkdown(sourceOf(cell), this.mathErrors)}</section>\n`;
    }
    if (cell.cell_type !== "code") return "";
    const source = sourceOf(cell);
    const outputs = tags.includes("remove-output") ? [] : mergeStreams((cell.outputs ?? []) as Output[]);
    const input =
      tags.includes("remove-input") || source.trim() === ""
        ? ""
        : `<pre class="input"><code class="language-typescript">${highlightTypeScript(source)}</code></pre>`;
    const rendered = outputs.map((o) => this.output(o)).join("");
    if (input === "" && rendered === "") return "";
    return `<section class="cell code" id="${id}">${input}${rendered ? `<div class="outputs">${rendered}</div>` : ""}</section>\n`;
  }
}

/** Renders the cells of an executed notebook. `prefix` keeps element ids unique on a page. */
export function renderNotebook(nb: Notebook, prefix = "nb"): RenderedNotebook {
  const r = new Renderer(prefix);
  const html = nb.cells.map((c, i) => r.cell(c, i)).join("");
  return { html, figures: r.figures, mathErrors: r.mathErrors };
}
