import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { highlightCode, highlightTypeScript } from "../../../scripts/site/highlight";

/** The text of the spans of one kind. */
const spans = (html: string, kind: string) =>
  [...html.matchAll(new RegExp(`<span class="tok-${kind}">([^<]*)</span>`, "g"))].map((m) => m[1]);

describe("TypeScript highlighting (highlightTypeScript)", () => {
  const code = 'const lr: number = step(0.1, "a<b"); // note\nclass Adam<T> { run() { return `t`; } }';
  const html = highlightTypeScript(code);

  it("marks keywords, types, numbers, strings, comments and called functions", () => {
    assert.deepEqual(spans(html, "keyword"), ["const", "class", "return"]);
    assert.deepEqual(spans(html, "type"), ["number", "Adam", "T"]);
    assert.deepEqual(spans(html, "number"), ["0.1"]);
    assert.deepEqual(spans(html, "string"), ["&quot;a&lt;b&quot;", "`t`"]);
    assert.deepEqual(spans(html, "comment"), ["// note"]);
    assert.deepEqual(spans(html, "function"), ["step", "run"]);
  });

  it("keeps the source text: removing the markup gives the escaped code back", () => {
    const unescaped = html
      .replace(/<[^>]+>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
    assert.equal(unescaped, code);
  });

  it("does not highlight a language it does not know, only escapes it", () => {
    assert.equal(highlightCode("const <x>", "text"), "const &lt;x&gt;");
  });
});
