/**
 * An executed notebook as the body of a lesson page: markdown with KaTeX math, highlighted TypeScript, and
 * the outputs as jupyter/renderOutputs.ts renders them (with the site's markdown and KaTeX); plotly figures
 * are drawn in the browser by the site's one plotly.min.js (assets/site.js).
 */
import { sourceOf, type Cell, type Notebook } from "../../jupyter/notebook";
import { escapeHtml } from "../../jupyter/html";
import { mergeStreams, OutputRenderer, type Output } from "../../jupyter/renderOutputs";
import { highlightTypeScript } from "./highlight";
import type { MathError } from "./math";
import { renderTex } from "./math";
import { markdownText, renderMarkdown } from "./markdown";

export { PLOTLY_MIME, isPlotlyBundle, type Output } from "../../jupyter/renderOutputs";

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

class Renderer {
  mathErrors: MathError[] = [];
  readonly outputs: OutputRenderer;

  constructor(prefix: string) {
    this.outputs = new OutputRenderer({
      prefix,
      markdown: (md) => renderMarkdown(md, this.mathErrors),
      tex: (tex) => renderTex(tex, true, this.mathErrors),
    });
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
    const rendered = outputs.map((o) => this.outputs.render(o)).join("");
    if (input === "" && rendered === "") return "";
    return `<section class="cell code" id="${id}">${input}${rendered ? `<div class="outputs">${rendered}</div>` : ""}</section>\n`;
  }
}

/** Renders the cells of an executed notebook. `prefix` keeps element ids unique on a page. */
export function renderNotebook(nb: Notebook, prefix = "nb"): RenderedNotebook {
  const r = new Renderer(prefix);
  const html = nb.cells.map((c, i) => r.cell(c, i)).join("");
  return { html, figures: r.outputs.figures, mathErrors: r.mathErrors };
}
