/**
 * Markdown to HTML for notebook cells and summaries: GitHub-flavoured markdown (marked) with the math
 * rendered by KaTeX (see math.ts) and fenced TypeScript highlighted (see highlight.ts).
 */
import { Marked } from "marked";
import { highlightCode } from "./highlight";
import { escapeHtml } from "../../jupyter/html";
import { extractMath, type MathError } from "./math";

const marked = new Marked({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      const language = (lang ?? "").trim().split(/\s+/)[0];
      return `<pre class="code"><code class="language-${escapeHtml(language || "text")}">${highlightCode(text, language)}</code></pre>\n`;
    },
  },
});

/** A markdown document (block level) as HTML; math errors are appended to `errors`. */
export function renderMarkdown(source: string, errors: MathError[] = []): string {
  const math = extractMath(source, errors);
  return math.restore(marked.parse(math.text, { async: false }));
}

/** A line of markdown (inline level: no paragraph) as HTML. */
export function renderMarkdownInline(source: string, errors: MathError[] = []): string {
  const math = extractMath(source, errors);
  return math.restore(marked.parseInline(math.text, { async: false }));
}

/** Plain text of a markdown line: markup, links and formulas' delimiters removed (for titles). */
export function markdownText(source: string): string {
  return source
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
