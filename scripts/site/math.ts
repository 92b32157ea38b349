/**
 * LaTeX in markdown, rendered on the server with KaTeX. Math is taken out of the markdown source before the
 * markdown renderer sees it (so `\\`, `_` and `*` inside formulas are not read as markdown) and put back,
 * rendered, afterwards.
 *
 * Delimiters, as in Jupyter: `$$...$$` and `\[...\]` (display), `$...$` and `\(...\)` (inline), and a bare
 * `\begin{env}...\end{env}` (display). An inline `$` opens only when followed by a non-space and closes only
 * when preceded by a non-space and not followed by a digit (pandoc's rule), so "costs $5 and $6" stays text;
 * it never spans a blank line or a backtick.
 * Code spans and fenced code blocks are left alone; `\$` is a literal dollar.
 */
import katex from "katex";

export interface MathError {
  tex: string;
  message: string;
}

export interface ExtractedMath {
  /** The source with each formula replaced by a placeholder token. */
  text: string;
  /** Puts the rendered formulas back into HTML made from `text`. */
  restore(html: string): string;
}

const PLACEHOLDER = /@@KATEX(\d+)@@/g;
const ENVIRONMENTS =
  "equation|equation\\*|align|align\\*|aligned|gather|gather\\*|alignat|alignat\\*|multline|split";

/** Renders one formula; a KaTeX error is recorded in `errors` and shown in place, never thrown. */
export function renderTex(tex: string, display: boolean, errors: MathError[] = []): string {
  const options = {
    displayMode: display,
    throwOnError: true,
    strict: false,
    output: "htmlAndMathml" as const,
  };
  try {
    return katex.renderToString(tex, options);
  } catch (e) {
    errors.push({ tex, message: e instanceof Error ? e.message : String(e) });
    return katex.renderToString(tex, { ...options, throwOnError: false });
  }
}

/** Length of the run of `ch` starting at `i`. */
function runLength(s: string, i: number, ch: string): number {
  let n = 0;
  while (s[i + n] === ch) n++;
  return n;
}

/** Index of the closing inline `$` for an opening one at `open`, or -1. */
function closingDollar(s: string, open: number): number {
  if (open + 1 >= s.length || /\s/.test(s[open + 1])) return -1;
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (c === "\\") {
      j++;
      continue;
    }
    if (c === "\n" && s[j + 1] === "\n") return -1; // a formula does not span paragraphs
    if (c === "`") return -1; // nor a code span
    if (c === "$") {
      if (/\s/.test(s[j - 1]) || /[0-9]/.test(s[j + 1] ?? "")) return -1;
      return j;
    }
  }
  return -1;
}

/**
 * Replaces every formula of a markdown source with a placeholder and renders it; see the file comment for
 * the delimiters. `errors` collects KaTeX's complaints.
 */
export function extractMath(source: string, errors: MathError[] = []): ExtractedMath {
  const rendered: string[] = [];
  const keep = (tex: string, display: boolean) => {
    rendered.push(renderTex(tex.trim(), display, errors));
    return `@@KATEX${rendered.length - 1}@@`;
  };
  let out = "";
  let i = 0;
  let lineStart = true;
  while (i < source.length) {
    const c = source[i];
    // fenced code block: copy through to the closing fence
    if (lineStart && /^ {0,3}(```|~~~)/.test(source.slice(i, i + 6))) {
      const fence = /^ {0,3}(`{3,}|~{3,})/.exec(source.slice(i))![1];
      const close = source.indexOf("\n", i);
      let end = source.length;
      if (close >= 0) {
        const re = new RegExp(
          `\\n {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*(?=\\n|$)`,
          "g",
        );
        re.lastIndex = close;
        const m = re.exec(source);
        end = m ? m.index + m[0].length : source.length;
      }
      out += source.slice(i, end);
      i = end;
      lineStart = false;
      continue;
    }
    lineStart = c === "\n";
    if (c === "`") {
      const n = runLength(source, i, "`");
      const close = source.indexOf("`".repeat(n), i + n);
      const end = close >= 0 ? close + n : i + n;
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (c === "\\") {
      const next = source[i + 1];
      if (next === "[" || next === "(") {
        const closer = next === "[" ? "\\]" : "\\)";
        const close = source.indexOf(closer, i + 2);
        if (close >= 0) {
          out += keep(source.slice(i + 2, close), next === "[");
          i = close + 2;
          continue;
        }
      }
      const env = new RegExp(`^\\\\begin\\{(${ENVIRONMENTS})\\}`).exec(source.slice(i, i + 40));
      if (env) {
        const endTag = `\\end{${env[1]}}`;
        const close = source.indexOf(endTag, i);
        if (close >= 0) {
          out += keep(source.slice(i, close + endTag.length), true);
          i = close + endTag.length;
          continue;
        }
      }
      out += source.slice(i, i + 2); // an escape, \$ included, is the markdown renderer's business
      i += 2;
      continue;
    }
    if (c === "$") {
      if (source[i + 1] === "$") {
        const close = source.indexOf("$$", i + 2);
        if (close >= 0) {
          out += keep(source.slice(i + 2, close), true);
          i = close + 2;
          continue;
        }
      } else {
        const close = closingDollar(source, i);
        if (close >= 0) {
          out += keep(source.slice(i + 1, close), false);
          i = close + 1;
          continue;
        }
      }
    }
    out += c;
    i++;
  }
  return {
    text: out,
    restore: (html) => html.replace(PLACEHOLDER, (_m, k: string) => rendered[Number(k)] ?? ""),
  };
}
