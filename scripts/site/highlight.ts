/**
 * Syntax highlighting at build time by highlight.js (its TypeScript, JavaScript, JSON and shell grammars):
 * the site's pages get `<span class="tok-...">` markup and a few lines of CSS, and no script.
 */
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import typescript from "highlight.js/lib/languages/typescript";
import { escapeHtml } from "../../jupyter/html";

hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("javascript", javascript);
hljs.registerLanguage("json", json);
hljs.registerLanguage("bash", bash);
// Class names as the site's stylesheet has them (page.ts): tok-keyword, tok-title function_, ...
hljs.configure({ classPrefix: "tok-" });

/** TypeScript or JavaScript source as highlighted HTML. */
export function highlightTypeScript(code: string): string {
  return hljs.highlight(code, { language: "typescript", ignoreIllegals: true }).value;
}

/** Highlights code of a language highlight.js was given (ts, js, json, sh and their aliases); other code is escaped only. */
export function highlightCode(code: string, language: string): string {
  return language !== "" && hljs.getLanguage(language)
    ? hljs.highlight(code, { language, ignoreIllegals: true }).value
    : escapeHtml(code);
}
