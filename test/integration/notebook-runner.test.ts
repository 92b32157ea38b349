import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { executeNotebook, formatResult, prepare } from "../../jupyter/executeNotebook";

const fixtures = path.resolve(__dirname, "..", "fixtures", "notebooks");
const outDir = path.resolve(__dirname, "..", "..", "build", "test", "runner");

describe("the notebook runner (npm run execute)", () => {
  let python = "";
  before(() => {
    python = prepare(() => {});
  });

  it("passes a notebook whose cells all succeed, and writes the executed copy with outputs and timings", async () => {
    const r = await executeNotebook(python, path.join(fixtures, "passes.ipynb"), { outDir });
    assert.equal(r.ok, true, formatResult(r));
    const nb = JSON.parse(fs.readFileSync(r.output, "utf8"));
    assert.match(JSON.stringify(nb.cells[0].outputs), /true/);
    assert.ok(nb.cells[0].metadata.execution["shell.execute_reply"]);
  });

  it("fails a notebook with a type error, naming the notebook, the cell and tslab's message", async () => {
    const r = await executeNotebook(python, path.join(fixtures, "type-error.ipynb"), { outDir });
    assert.equal(r.ok, false);
    assert.equal(r.failure?.cell, 3);
    const line = formatResult(r);
    assert.match(line, /type-error\.ipynb, cell 3 \(error\)/);
    assert.match(line, /not assignable to type 'number'/);
  });

  it("fails a notebook whose cell throws, with the error message", async () => {
    const r = await executeNotebook(python, path.join(fixtures, "throws.ipynb"), { outDir });
    assert.equal(r.ok, false);
    assert.equal(r.failure?.cell, 2);
    assert.match(
      formatResult(r),
      /throws\.ipynb, cell 2 [^\n]*deliberate failure for the runner test\n\s+at fail \(In\[2\]:2:9\)/,
    );
  });

  it("fails a notebook whose unawaited rejection prints to stderr even though the cell reports ok", async () => {
    const r = await executeNotebook(python, path.join(fixtures, "rejection.ipynb"), { outDir });
    assert.equal(r.ok, false);
    assert.match(r.failure?.message ?? "", /unawaited rejection/);
  });

  it("fails a cell that runs past the per-cell timeout", async () => {
    const file = path.join(outDir, "slow.ipynb");
    fs.mkdirSync(outDir, { recursive: true });
    const nb = JSON.parse(fs.readFileSync(path.join(fixtures, "passes.ipynb"), "utf8"));
    nb.cells[0].source = ["{ const end = Date.now() + 20000; while (Date.now() < end) {} }"];
    fs.writeFileSync(file, JSON.stringify(nb));
    const r = await executeNotebook(python, file, { outDir: path.join(outDir, "out"), cellTimeout: 3 });
    assert.equal(r.ok, false);
    assert.equal(r.failure?.kind, "timeout");
  });
});
