import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { setFrontend } from "../../../lib/src/display/frontend";
import { figureText, mimeBundle, show } from "../../../lib/src/display/show";

const fig = { data: [{ type: "scatter", y: [1, 2] }], layout: { title: { text: "T" } } };

describe("show", () => {
  afterEach(() => setFrontend(null));

  it("sends one display with plotly JSON, HTML and plain text; plotly.js only with the first figure", () => {
    const sent: { data: Record<string, string> }[] = [];
    setFrontend({
      display: (data) => sent.push({ data: data as Record<string, string> }),
      newDisplay: () => assert.fail("a figure is one display"),
    });
    show(fig);
    show(fig);
    assert.equal(sent.length, 2);
    assert.deepEqual(Object.keys(sent[0].data).sort(), [
      "application/vnd.plotly.v1+json",
      "text/html",
      "text/plain",
    ]);
    assert.ok(/plotly\.js v\d/.test(sent[0].data["text/html"]), "first figure inlines plotly.js");
    assert.ok(!/plotly\.js v\d/.test(sent[1].data["text/html"]), "second figure does not");
    assert.ok(sent[1].data["text/html"].length < 5000);
  });

  it("throws outside a kernel and on something that is not a figure", () => {
    assert.throws(() => show(fig), /inside a tslab notebook kernel only/);
    assert.throws(() => show({} as never), /show\(fig\) needs a figure/);
  });

  it("figureText and mimeBundle describe the figure", () => {
    assert.equal(figureText(fig), '<Figure "T": 1 traces (scatter)>');
    const b = mimeBundle(fig, { id: "x1" });
    assert.deepEqual(b["application/vnd.plotly.v1+json"].data, fig.data);
    assert.equal((b["application/vnd.plotly.v1+json"].config as { displaylogo: boolean }).displaylogo, false);
  });
});
