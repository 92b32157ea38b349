import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { syncWorkspace } from "../../scripts/workspace";

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "course-ws-"));
  const src = path.join(dir, "src");
  const ws = path.join(dir, "ws");
  fs.mkdirSync(src);
  const lesson = path.join(src, "01-lesson.ipynb");
  fs.writeFileSync(lesson, "version 1");
  return { ws, lesson };
}

describe("syncWorkspace", () => {
  it("adds a lesson the learner does not have yet", () => {
    const { ws, lesson } = setup();
    assert.deepEqual(syncWorkspace([lesson], ws).added, ["01-lesson.ipynb"]);
    assert.equal(fs.readFileSync(path.join(ws, "01-lesson.ipynb"), "utf8"), "version 1");
  });

  it("updates an untouched copy when the course changes", () => {
    const { ws, lesson } = setup();
    syncWorkspace([lesson], ws);
    fs.writeFileSync(lesson, "version 2");
    assert.deepEqual(syncWorkspace([lesson], ws).updated, ["01-lesson.ipynb"]);
    assert.equal(fs.readFileSync(path.join(ws, "01-lesson.ipynb"), "utf8"), "version 2");
  });

  it("never overwrites an edited copy: the new version goes beside it", () => {
    const { ws, lesson } = setup();
    syncWorkspace([lesson], ws);
    fs.writeFileSync(path.join(ws, "01-lesson.ipynb"), "my answers");
    fs.writeFileSync(lesson, "version 2");
    const report = syncWorkspace([lesson], ws);
    assert.deepEqual(report.keptEdited, ["01-lesson.ipynb"]);
    assert.equal(fs.readFileSync(path.join(ws, "01-lesson.ipynb"), "utf8"), "my answers");
    assert.equal(fs.readFileSync(path.join(ws, "01-lesson (new version).ipynb"), "utf8"), "version 2");
  });

  it("keeps an edited copy untouched when the course did not change", () => {
    const { ws, lesson } = setup();
    syncWorkspace([lesson], ws);
    fs.writeFileSync(path.join(ws, "01-lesson.ipynb"), "my answers");
    const report = syncWorkspace([lesson], ws);
    assert.deepEqual(report.keptEdited, ["01-lesson.ipynb"]);
    assert.equal(fs.readFileSync(path.join(ws, "01-lesson.ipynb"), "utf8"), "my answers");
    assert.equal(fs.existsSync(path.join(ws, "01-lesson (new version).ipynb")), false);
  });
});
