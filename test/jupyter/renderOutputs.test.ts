import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { OutputRenderer, PLOTLY_MIME } from "../../jupyter/renderOutputs";

describe("renderOutputs", () => {
  it("renders a plotly figure as a numbered placeholder with its JSON, never its HTML copy", () => {
    const r = new OutputRenderer({ prefix: "p" });
    const html = r.render({
      output_type: "display_data",
      data: { [PLOTLY_MIME]: { data: [], layout: {} }, "text/html": "<script>plotly</script>" },
    });
    assert.equal(r.figures, 1);
    assert.match(
      html,
      /<div class="output plotly-figure" id="p-figure-1"><\/div><script type="application\/json" data-figure="p-figure-1">/,
    );
    assert.doesNotMatch(html, /<script>plotly/);
  });

  it("shows markdown and LaTeX as text without renderers, and through them when given", () => {
    const o = { output_type: "display_data", data: { "text/markdown": "**a** <b>" } };
    assert.equal(
      new OutputRenderer({ prefix: "p" }).render(o),
      '<pre class="output text">**a** &lt;b&gt;</pre>',
    );
    const md = new OutputRenderer({ prefix: "p", markdown: (m) => `<em>${m.length}</em>` }).render(o);
    assert.equal(md, '<div class="output markdown"><em>9</em></div>');
  });
});
