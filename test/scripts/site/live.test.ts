import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { page } from "../../../scripts/site/page";
import { LIVE_LOADER } from "../../../scripts/site/live";

describe("a lesson page's live edition", () => {
  const base = { title: "T", courseTitle: "C", body: "<p>x</p>", kind: "lesson" as const };

  it("says in one line how to get the live page and loads the loader with the lesson's name in the head", () => {
    const html = page({ ...base, live: "05-moving-averages", plotly: true });
    assert.match(html, /<p class="live-hint">This is the static view\..*npm run serve.*<\/p>/);
    const head = html.slice(0, html.indexOf("</head>"));
    assert.match(head, /<script src="assets\/live\.js" data-lesson="05-moving-averages"><\/script>/);
    assert.doesNotMatch(head, /plotly/);
  });

  it("has neither the hint nor the loader where there is no live edition (instructor's pages, the index)", () => {
    const html = page(base);
    assert.doesNotMatch(html, /live-hint|assets\/live\.js/);
  });

  it("starts the worker and loads the live script only over http(s): a page from disk stays static", () => {
    const check = LIVE_LOADER.indexOf("if (!/^https?:$/.test(location.protocol)");
    assert.ok(check > 0);
    assert.ok(LIVE_LOADER.indexOf('new Worker("runtime/worker.js")') > check);
    assert.ok(LIVE_LOADER.indexOf("runtime/live.js") > check);
  });
});
