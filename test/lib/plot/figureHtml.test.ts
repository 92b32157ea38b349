import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { figureHtml, figureId, plotlyBundle } from "../../../lib/src/plot/figureHtml";

const fig = { data: [{ type: "scatter", y: [1, 2], name: "</script><b>" }], layout: { height: 300 } };

describe("figureHtml", () => {
  it("is a sized div and a script that waits for window.Plotly and draws into it", () => {
    const html = figureHtml(fig, { id: "p1" });
    assert.match(html, /^<div id="p1" class="dlopt-plot" style="width:100%;height:300px"><\/div><script/);
    assert.match(html, /window\.Plotly\.newPlot\(el, fig\)/);
    assert.match(html, /setTimeout\(draw, 50\)/);
  });

  it("escapes the figure's JSON so it cannot close the script", () => {
    const html = figureHtml(fig, { id: "p1" });
    assert.equal(html.split("</script>").length, 2, "only the script's own closing tag");
    assert.match(html, /\\u003c\/script\\u003e/);
  });

  it("inlines the plotly.js bundle from node_modules only when asked, hiding AMD loaders", () => {
    assert.ok(!/plotly\.js v/.test(figureHtml(fig, { id: "p1" })));
    const html = figureHtml(fig, { id: "p1", includePlotly: true });
    assert.ok(html.includes(plotlyBundle()), "the bundle is inlined");
    assert.ok(
      /^<script type="text\/javascript">if \(!window\.Plotly\) \{ \(function \(module, exports, define\)/.test(
        html,
      ),
    );
    assert.ok(!/https?:/.test(html.replace(plotlyBundle(), "")), "no URL outside the bundle");
  });

  it("names the same figure with the same id, and rejects ids that are not HTML ids", () => {
    assert.equal(figureId(fig), figureId(JSON.parse(JSON.stringify(fig))));
    assert.throws(() => figureHtml(fig, { id: "a b" }), /Invalid figure id: "a b"/);
  });
});
