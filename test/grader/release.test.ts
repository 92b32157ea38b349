import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cellChecksum, sourceOf } from "../../jupyter/notebook";
import { releaseAll, releaseNotebook } from "../../grader/release";
import { INSTRUCTOR, instructorNotebook } from "./fixtures/submissions";

const cellOf = (nb: ReturnType<typeof instructorNotebook>, id: string) =>
  nb.cells.find((c) => c.metadata.nbgrader?.grade_id === id)!;

describe("release (the student version)", () => {
  const rel = releaseNotebook(instructorNotebook(), INSTRUCTOR);

  it("replaces solutions by a stub that throws, keeping the function's signature", () => {
    assert.equal(
      sourceOf(cellOf(rel, "ema-answer")),
      'function ema(xs: Float64Array, rho: number): Float64Array {\n  throw new Error("not implemented");\n}',
    );
    assert.equal(sourceOf(cellOf(rel, "why-ema")), "YOUR ANSWER HERE");
  });

  it("removes hidden tests and keeps the public ones", () => {
    const t = sourceOf(cellOf(rel, "q-ema"));
    assert.match(t, /rho 0\.5 on 3 8 6/);
    assert.doesNotMatch(t, /HIDDEN|rho 0\.75/);
  });

  it("locks test and read-only cells (not editable, not deletable) and keeps answers editable", () => {
    for (const id of ["setup", "q-ema", "q-clip"]) {
      const m = cellOf(rel, id).metadata;
      assert.deepEqual([m.nbgrader!.locked, m.editable, m.deletable], [true, false, false], id);
    }
    const a = cellOf(rel, "ema-answer").metadata;
    assert.deepEqual([a.nbgrader!.locked, a.editable, a.deletable], [false, true, false]);
  });

  it("records checksums of what the learner receives, clears outputs, tags the assignment and the course kernel", () => {
    for (const c of rel.cells.filter((x) => x.metadata.nbgrader))
      assert.equal(c.metadata.nbgrader!.checksum, cellChecksum(c));
    assert.ok(
      rel.cells.every(
        (c) => c.cell_type !== "code" || (c.outputs!.length === 0 && c.execution_count === null),
      ),
    );
    assert.deepEqual(rel.metadata.dlopt, { assignment: "grader-ema" });
    assert.equal(rel.metadata.kernelspec?.name, "tslab");
  });

  it("leaves the instructor's notebook as it was", () => {
    assert.match(sourceOf(cellOf(instructorNotebook(), "ema-answer")), /BEGIN SOLUTION/);
  });

  it("releaseAll writes every notebook of the source folder and refuses malformed authoring", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "release-"));
    fs.mkdirSync(path.join(tmp, "src"));
    fs.copyFileSync(INSTRUCTOR, path.join(tmp, "src", "a.ipynb"));
    assert.deepEqual(releaseAll(path.join(tmp, "out"), path.join(tmp, "src")), [
      path.join(tmp, "out", "a.ipynb"),
    ]);
    const bad = instructorNotebook();
    cellOf(bad, "q-clip").metadata.nbgrader!.grade_id = "q-ema";
    fs.writeFileSync(path.join(tmp, "src", "b.ipynb"), JSON.stringify(bad));
    assert.throws(
      () => releaseAll(path.join(tmp, "out2"), path.join(tmp, "src")),
      /b\.ipynb: cell 8 \("q-ema"\): duplicate grade_id/,
    );
    assert.equal(fs.existsSync(path.join(tmp, "out2")), false);
  });
});
