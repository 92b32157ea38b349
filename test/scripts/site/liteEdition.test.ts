import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { copyLiteEdition, liteIndexParagraph, liteLessonLink } from "../../../scripts/site/liteEdition";

describe("the JupyterLite edition on the site", () => {
  it("is copied into the site's lite/ folder when build/lite/ was built, and not otherwise", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lite-site-"));
    try {
      const lite = path.join(tmp, "lite-build");
      const site = path.join(tmp, "site");
      fs.mkdirSync(site);
      assert.equal(copyLiteEdition(lite, site), false);
      assert.equal(fs.existsSync(path.join(site, "lite")), false);
      fs.mkdirSync(path.join(lite, "lab"), { recursive: true });
      fs.writeFileSync(path.join(lite, "lab", "index.html"), "<!doctype html>");
      fs.mkdirSync(path.join(lite, "files"));
      fs.writeFileSync(path.join(lite, "files", "02-sgd.ipynb"), "{}");
      assert.equal(copyLiteEdition(lite, site), true);
      assert.equal(fs.readFileSync(path.join(site, "lite", "files", "02-sgd.ipynb"), "utf8"), "{}");
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("links a lesson page to its notebook opened in JupyterLab, and the index to JupyterLab and Notebook", () => {
    assert.match(
      liteLessonLink("notebooks/04-adagrad.ipynb"),
      /<a href="lite\/lab\/index\.html\?path=04-adagrad\.ipynb">Open in JupyterLab in the browser<\/a>/,
    );
    assert.match(liteIndexParagraph(), /href="lite\/lab\/index\.html"/);
    assert.match(liteIndexParagraph(), /href="lite\/tree\/index\.html"/);
  });
});
