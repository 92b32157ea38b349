import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { markdownText, renderMarkdown, renderMarkdownInline } from "../../../scripts/site/markdown";

describe("markdown cells (renderMarkdown)", () => {
  it("renders headings, emphasis and lists", () => {
    const html = renderMarkdown("# Title\n\nSome *emphasis*.\n\n- one\n- two\n");
    assert.match(html, /<h1>Title<\/h1>/);
    assert.match(html, /<em>emphasis<\/em>/);
    assert.equal(html.match(/<li>/g)?.length, 2);
  });

  it("renders a formula with underscores and a double backslash intact", () => {
    const html = renderMarkdown("$$\\begin{aligned} x_t &= x_{t-1} \\\\ y_t &= 2 \\end{aligned}$$");
    assert.match(html, /katex-display/);
    assert.doesNotMatch(html, /<em>|\$\$/);
    assert.match(html, /x_\{t-1\} \\\\ y_t/); // the TeX annotation keeps the source
  });

  it("highlights fenced TypeScript and escapes other fenced code", () => {
    const html = renderMarkdown("```ts\nconst a = 1;\n```\n\n```text\n<b>\n```\n");
    assert.match(html, /<span class="tok-keyword">const<\/span>/);
    assert.match(html, /&lt;b&gt;/);
  });

  it("renders a summary line without a paragraph around it", () => {
    assert.equal(renderMarkdownInline("a **b**"), "a <strong>b</strong>");
  });

  it("turns a markdown title into plain text", () => {
    assert.equal(markdownText("Lesson 1: *SGD* and [links](x.html)"), "Lesson 1: SGD and links");
  });
});
