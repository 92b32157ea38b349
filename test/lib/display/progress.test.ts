import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { setFrontend } from "../../../lib/src/display/frontend";
import type { MimeBundle } from "../../../lib/src/display/frontend";
import { progress, progressHtml } from "../../../lib/src/display/progress";

describe("progress", () => {
  afterEach(() => setFrontend(null));

  it("progressHtml(50, 200, label, text) shows a bar, 50/200 (25%), the label and the text", () => {
    const html = progressHtml(50, 200, "epoch <1>", "loss 0.42");
    assert.match(html, /epoch &lt;1&gt; <progress value="50" max="200"/);
    assert.match(html, /50\/200 \(25%\) loss 0\.42/);
  });

  it("redraws one display at most 101 times over 100,000 updates, ending at done's text", () => {
    const drawn: string[] = [];
    let displays = 0;
    setFrontend({
      display: () => assert.fail("progress updates one display"),
      newDisplay: () => {
        displays++;
        return (data: MimeBundle) => drawn.push(data["text/html"] as string);
      },
    });
    const bar = progress(100000, "train");
    for (let i = 1; i <= 100000; i++) bar.update(i, `step ${i}`);
    bar.done("finished");
    assert.equal(displays, 1);
    assert.ok(drawn.length <= 102, `${drawn.length} redraws`);
    assert.match(drawn[drawn.length - 1], /100000\/100000 \(100%\) finished/);
  });

  it("throws on a negative total", () => {
    assert.throws(() => progress(-1), /Invalid progress total: -1/);
  });
});
