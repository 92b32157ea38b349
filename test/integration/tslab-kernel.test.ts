/**
 * The tslab kernel as the course ships it (patched at install by patch-package, patches/tslab+1.0.22.patch),
 * through real Jupyter: code may use earlier cells' declarations in every form TypeScript allows, and a
 * failing cell shows the learner's own frames, not the kernel's.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { executeNotebook, formatResult, prepare } from "../../jupyter/executeNotebook";

const fixtures = path.resolve(__dirname, "..", "fixtures", "notebooks");
const outDir = path.resolve(__dirname, "..", "..", "build", "test", "tslab-kernel");

describe("the tslab kernel", () => {
  let python = "";
  before(() => {
    python = prepare(() => {});
  });

  it("runs shorthand properties, destructuring, classes, functions, namespaces and reassignments of earlier cells' declarations", async () => {
    const r = await executeNotebook(python, path.join(fixtures, "cross-cell.ipynb"), { outDir });
    assert.equal(r.ok, true, formatResult(r));
    const nb = JSON.parse(fs.readFileSync(r.output, "utf8"));
    assert.match(JSON.stringify(nb.cells.at(-1).outputs), /cross-cell declarations: all 6 checks passed/);
  });

  it("shows a failing cell's error at the learner's cells and lines, without tslab's or node's frames", async () => {
    const r = await executeNotebook(python, path.join(fixtures, "cell-error.ipynb"), { outDir });
    assert.equal(r.ok, false);
    assert.equal(r.failure?.cell, 2);
    const message = r.failure?.message ?? "";
    assert.match(message, /RangeError: expected a positive number, got 0/);
    // checkPositive's throw is cell 1's line 3; the call is cell 2's line 3 (execution counts 1 and 2).
    assert.match(message, /at checkPositive \(In\[1\]:3:11\)/);
    assert.match(message, /at In\[2\]:3:35\n/);
    assert.doesNotMatch(message, /node_modules[\\/]tslab|node:vm|node:internal|evalmachine|Proxy\./);
    assert.ok(message.trim().split("\n").length <= 6, message);
  });
});
