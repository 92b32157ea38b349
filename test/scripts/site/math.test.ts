import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { extractMath, renderTex, type MathError } from "../../../scripts/site/math";

/** The formulas found in `source`, as the TeX KaTeX annotated them with. */
function formulas(source: string): string[] {
  const { text, restore } = extractMath(source);
  const html = restore(text);
  return [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map(
    (m) => m[1],
  );
}

describe("math in markdown (extractMath)", () => {
  it("finds inline $...$ and display $$...$$ formulas and replaces them with placeholders", () => {
    const { text } = extractMath("a $x^2$ b\n\n$$\\sum_t \\eta_t$$\n");
    assert.equal(text, "a @@KATEX0@@ b\n\n@@KATEX1@@\n");
  });

  it("keeps markdown's special characters inside a formula away from the markdown renderer", () => {
    const { text } = extractMath("$a_1 * b_2 * c$ and $$x \\\\ y$$");
    assert.doesNotMatch(text, /[_*\\]/);
  });

  it("renders display formulas in display mode and inline formulas inline", () => {
    const { text, restore } = extractMath("$x$ $$y$$");
    const html = restore(text);
    assert.equal(html.match(/katex-display/g)?.length, 1);
    assert.equal(html.match(/class="katex"/g)?.length, 2);
  });

  it("reads \\(...\\), \\[...\\] and a bare \\begin{aligned} block as math", () => {
    assert.deepEqual(formulas("\\(a\\) \\[b\\] \\begin{aligned} c &= d \\end{aligned}"), [
      "a",
      "b",
      "\\begin{aligned} c &amp;= d \\end{aligned}",
    ]);
  });

  it("leaves prices, escaped dollars, code spans and fenced code alone", () => {
    assert.deepEqual(formulas("costs $5 and $6, \\$x\\$, `$y$` and\n```\n$z$\n```\n"), []);
  });

  it("does not let an inline formula span a blank line", () => {
    assert.deepEqual(formulas("$a\n\nb$"), []);
  });

  it("records a formula KaTeX rejects and shows it in place instead of throwing", () => {
    const errors: MathError[] = [];
    const html = renderTex("\\frac{1}{", false, errors);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].tex, "\\frac{1}{");
    assert.match(html, /katex-error/);
  });
});
