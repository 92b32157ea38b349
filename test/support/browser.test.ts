import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findBrowser, INSTALL_BROWSER } from "./browser";

describe("findBrowser", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "browser-"));
  const fake = path.join(dir, "chromium-browser");
  fs.writeFileSync(fake, "#!/bin/sh\n", { mode: 0o755 });

  it("takes CHROME_PATH first", () => {
    assert.equal(findBrowser({ CHROME_PATH: fake, PATH: "" }), fake);
  });

  it("finds chromium, chromium-browser or google-chrome on the PATH", () => {
    assert.equal(findBrowser({ PATH: ["/nonexistent", dir].join(path.delimiter) }), fake);
  });

  it("without one, answers one line that says what to install and how", () => {
    const missing = findBrowser({ CHROME_PATH: "/nonexistent", PATH: dir });
    assert.ok(missing instanceof Error);
    assert.equal(missing.message.split("\n").length, 1);
    assert.match(missing.message, /CHROME_PATH=\/nonexistent/);
    assert.ok(missing.message.endsWith(INSTALL_BROWSER));
    assert.match(INSTALL_BROWSER, /apt-get install chromium/);
    assert.match(INSTALL_BROWSER, /brew install/);
    if (process.platform !== "darwin") {
      const none = findBrowser({ PATH: "/nonexistent" });
      assert.ok(none instanceof Error && /^No Chromium or Chrome/.test(none.message), String(none));
    }
  });
});
