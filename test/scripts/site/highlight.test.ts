import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { highlightCode, highlightTypeScript } from "../../../scripts/site/highlight";

/** The text of the spans of one kind. */
const spans = (html: string, kind: string) =>
  [...html.matchAll(new RegExp(`<span class="tok-${kind}">([^<]*)</span>`, "g"))].map((m) => m[1]);

describe("highlighting at build time (highlightTypeScript, highlightCode)", () => {
  const code = 'const lr: number = step(0.1, "a<b"); // note\nclass Adam<T> { run() { return `t`; } }';
  const html = highlightTypeScript(code);

  it("marks keywords, types, classes, numbers, strings, comments and called functions (highlight.js's grammar)", () => {
    assert.deepEqual(spans(html, "keyword"), ["const", "class", "return"]);
    assert.deepEqual(spans(html, "built_in"), ["number"]);
    assert.deepEqual(spans(html, "title class_"), ["Adam"]);
    assert.deepEqual(spans(html, "number"), ["0.1"]);
    assert.deepEqual(spans(html, "string"), ["&quot;a&lt;b&quot;", "`t`"]);
    assert.deepEqual(spans(html, "comment"), ["// note"]);
    assert.deepEqual(spans(html, "title function_"), ["step", "run"]);
  });

  it("highlights JSON and shell fences too, and ships no script", () => {
    assert.match(highlightCode('{"lr": 0.1}', "json"), /<span class="tok-number">0\.1<\/span>/);
    assert.match(
      highlightCode("npm run build # the site", "sh"),
      /<span class="tok-comment"># the site<\/span>/,
    );
    assert.doesNotMatch(html + highlightCode("x", "json"), /<script/);
  });

  it("keeps the source text: removing the markup gives the escaped code back", () => {
    const unescaped = html
      .replace(/<[^>]+>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, "&");
    assert.equal(unescaped, code);
  });

  it("does not highlight a language it does not know, only escapes it", () => {
    assert.equal(highlightCode("const <x>", "text"), "const &lt;x&gt;");
  });
});
