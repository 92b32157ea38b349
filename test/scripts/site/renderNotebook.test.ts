import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { makeNotebook, type Cell, type Output } from "../../../jupyter/notebook";
import {
  PLOTLY_MIME,
  isPlotlyBundle,
  lessonInfo,
  renderNotebook,
} from "../../../scripts/site/renderNotebook";

const code = (
  id: string,
  source: string,
  outputs: Output[],
  metadata: Record<string, unknown> = {},
): Cell => ({
  id,
  cell_type: "code",
  metadata,
  source,
  outputs,
  execution_count: 1,
});
const md = (id: string, source: string, metadata: Record<string, unknown> = {}): Cell => ({
  id,
  cell_type: "markdown",
  metadata,
  source,
});
const display = (data: Record<string, unknown>) => ({ output_type: "display_data", data, metadata: {} });
const figure = {
  data: [{ type: "scatter", x: [1, 2], y: [3, 4] }],
  layout: { title: { text: "</script>" } },
};

/** A notebook with these cells as they are (makeNotebook would clear their outputs). */
const nb = (cells: Cell[]) => ({ ...makeNotebook([]), cells });

describe("rendering an executed notebook (renderNotebook)", () => {
  it("renders markdown with math and code with its highlighted source", () => {
    const r = renderNotebook(nb([md("m", "# T\n\n$x^2$"), code("c", "const a = 1;", [])]));
    assert.match(r.html, /<section class="cell markdown" id="m"><h1>T<\/h1>/);
    assert.match(r.html, /class="katex"/);
    assert.match(
      r.html,
      /<pre class="input"><code class="language-typescript"><span class="tok-keyword">const/,
    );
  });

  it("merges stream pieces and escapes them, stdout and stderr apart", () => {
    const r = renderNotebook(
      nb([
        code("c", "x", [
          { output_type: "stream", name: "stdout", text: "a <b>\n" },
          { output_type: "stream", name: "stdout", text: ["c\n"] },
          { output_type: "stream", name: "stderr", text: "\u001b[31mred\u001b[0m\n" },
        ]),
      ]),
    );
    assert.match(r.html, /<pre class="output stream stdout">a &lt;b&gt;\nc\n<\/pre>/);
    assert.match(r.html, /<pre class="output stream stderr">red\n<\/pre>/);
  });

  it("draws a plotly figure from its JSON part, never from its HTML part, with the JSON safe in a script", () => {
    const notebook = nb([
      code("c", "show(fig)", [
        display({ [PLOTLY_MIME]: figure, "text/html": "<div>inline plotly</div>", "text/plain": "Figure" }),
      ]),
    ]);
    const r = renderNotebook(notebook, "lesson");
    assert.equal(r.figures, 1);
    assert.match(r.html, /<div class="output plotly-figure" id="lesson-figure-1"><\/div>/);
    assert.match(r.html, /<script type="application\/json" data-figure="lesson-figure-1">/);
    assert.doesNotMatch(r.html, /inline plotly|<\/script><\/script>/);
    const json = /data-figure="lesson-figure-1">(.*?)<\/script>/.exec(r.html)![1];
    assert.deepEqual(JSON.parse(json), figure);
  });

  it("drops an HTML output that only inlines the plotly bundle", () => {
    const bundle = `<script>/* plotly.js v4 */${"x".repeat(300_000)}</script>`;
    assert.equal(isPlotlyBundle(bundle), true);
    const r = renderNotebook(nb([code("c", "setup()", [display({ "text/html": bundle })])]));
    assert.doesNotMatch(r.html, /plotly\.js v4/);
  });

  it("shows HTML, PNG, LaTeX and plain text outputs, preferring the richest", () => {
    const r = renderNotebook(
      nb([
        code("c", "x", [
          display({ "text/html": "<table><tr><td>1</td></tr></table>", "text/plain": "table" }),
          display({ "image/png": "iVBORw0KGgo=\n" }),
          display({ "text/latex": "$$\\eta$$" }),
          { output_type: "execute_result", data: { "text/plain": "42" }, metadata: {}, execution_count: 1 },
        ]),
      ]),
    );
    assert.match(r.html, /<div class="output html"><table>/);
    assert.match(r.html, /<img alt="figure" src="data:image\/png;base64,iVBORw0KGgo=">/);
    assert.match(r.html, /<div class="output latex"><span class="katex-display">/);
    assert.match(r.html, /<pre class="output text">42<\/pre>/);
    assert.doesNotMatch(r.html, />table</);
  });

  it("honours the remove-cell, remove-input and remove-output tags", () => {
    const out = [{ output_type: "stream", name: "stdout", text: "shown\n" }];
    const r = renderNotebook(
      nb([
        code("a", "hidden1()", out, { tags: ["remove-cell"] }),
        code("b", "hidden2()", out, { tags: ["remove-input"] }),
        code("c", "visible()", out, { tags: ["remove-output"] }),
      ]),
    );
    assert.doesNotMatch(r.html, /hidden1|hidden2|id="a"/);
    assert.equal(r.html.match(/shown/g)?.length, 1);
    assert.match(r.html, /visible/);
  });

  it("collects the formulas KaTeX cannot render", () => {
    const r = renderNotebook(nb([md("m", "$\\frac{1}{$")]));
    assert.equal(r.mathErrors.length, 1);
  });
});

describe("a lesson's title and summary (lessonInfo)", () => {
  it("takes the first heading and the first paragraph after it", () => {
    const nb = makeNotebook([md("m", "# Lesson 2: *SGD*\n\nWhy $\\eta$ matters.\nSecond line.\n\n## More")]);
    assert.deepEqual(lessonInfo(nb, "02-sgd"), {
      title: "Lesson 2: SGD",
      summary: "Why $\\eta$ matters. Second line.",
    });
  });

  it("prefers metadata.course.title and summary, and falls back to the file name", () => {
    const nb = makeNotebook([md("m", "no heading")], { course: { summary: "From metadata." } });
    assert.deepEqual(lessonInfo(nb, "03-x"), { title: "03-x", summary: "From metadata." });
  });

  it("leaves out the unfinished sentence of a paragraph that leads into a formula", () => {
    const nb = makeNotebook([md("m", "# T\n\nFirst. Then one update,\n\n$$x_t = x_{t-1}$$")]);
    assert.equal(lessonInfo(nb, "t").summary, "First.");
  });

  it("keeps only the first sentence of a long paragraph", () => {
    const long = `First sentence with $x$. ${"Then much more text. ".repeat(20)}`;
    const nb = makeNotebook([md("m", `# T\n\n${long}`)]);
    assert.equal(lessonInfo(nb, "t").summary, "First sentence with $x$.");
  });
});
