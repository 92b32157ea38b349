import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { page } from "../../../scripts/site/page";
import { LIVE_LOADER } from "../../../scripts/site/live";

describe("a lesson page's live edition", () => {
  const base = { title: "T", courseTitle: "C", body: "<p>x</p>", kind: "lesson" as const };

  it("says in one line how to get the live page and loads the loader with the lesson's name", () => {
    const html = page({ ...base, live: "05-moving-averages" });
    assert.match(html, /<p class="live-hint">This is the static view\..*npm run serve.*<\/p>/);
    assert.match(html, /<script src="assets\/live\.js" data-lesson="05-moving-averages"><\/script>/);
  });

  it("has neither the hint nor the loader where there is no live edition (instructor's pages, the index)", () => {
    const html = page(base);
    assert.doesNotMatch(html, /live-hint|assets\/live\.js/);
  });

  it("loads the live script only over http(s): a page from disk stays static", () => {
    assert.match(LIVE_LOADER, /if \(!\/\^https\?:\$\/\.test\(location\.protocol\)/);
    assert.match(LIVE_LOADER, /runtime\/live\.js/);
  });
});
