/**
 * A small syntax highlighter for the TypeScript of the lessons (and JSON and shell in markdown fences):
 * comments, strings, template literals, numbers, keywords, literals, types and called functions become
 * `<span class="tok-...">`. Everything else is escaped text. Enough for teaching code; no grammar.
 */
import { escapeHtml } from "../../jupyter/html";

const KEYWORDS = new Set(
  (
    "abstract as async await break case catch class const continue debugger declare default delete do else enum " +
    "export extends finally for from function get if implements import in instanceof interface is keyof let " +
    "namespace new of private protected public readonly return satisfies set static super switch this throw " +
    "try type typeof var void while with yield"
  ).split(" "),
);
const LITERALS = new Set(["true", "false", "null", "undefined", "NaN", "Infinity"]);
const BUILTIN_TYPES = new Set([
  "number",
  "string",
  "boolean",
  "bigint",
  "symbol",
  "object",
  "unknown",
  "never",
  "any",
]);

const TOKEN = new RegExp(
  [
    /(?<comment>\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))/.source,
    /(?<string>"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\]|\\[\s\S])*`?)/.source,
    /(?<number>\b(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?n?)\b)/
      .source,
    /(?<word>[A-Za-z_$][\w$]*)/.source,
  ].join("|"),
  "g",
);

function span(kind: string, text: string): string {
  return `<span class="tok-${kind}">${escapeHtml(text)}</span>`;
}

/** TypeScript or JavaScript source as highlighted HTML. */
export function highlightTypeScript(code: string): string {
  let out = "";
  let last = 0;
  for (const m of code.matchAll(TOKEN)) {
    const i = m.index ?? 0;
    out += escapeHtml(code.slice(last, i));
    last = i + m[0].length;
    const g = m.groups ?? {};
    if (g.comment !== undefined) out += span("comment", m[0]);
    else if (g.string !== undefined) out += span("string", m[0]);
    else if (g.number !== undefined) out += span("number", m[0]);
    else {
      const w = m[0];
      const after = code.slice(last).match(/^\s*(\(|<[\w\s,[\]|]*>\s*\()/);
      if (KEYWORDS.has(w)) out += span("keyword", w);
      else if (LITERALS.has(w)) out += span("literal", w);
      else if (BUILTIN_TYPES.has(w) || /^[A-Z]/.test(w)) out += span("type", w);
      else if (after) out += span("function", w);
      else out += escapeHtml(w);
    }
  }
  return out + escapeHtml(code.slice(last));
}

/** Highlights code of a known language (ts, typescript, js, javascript, json); other code is escaped only. */
export function highlightCode(code: string, language: string): string {
  return /^(ts|typescript|js|javascript|json|tsx|jsx)$/i.test(language)
    ? highlightTypeScript(code)
    : escapeHtml(code);
}
