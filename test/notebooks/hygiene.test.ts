import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";

const dir = path.resolve(__dirname, "..", "..", "notebooks");
const notebooks = fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort();

describe("committed notebooks", () => {
  it("there is at least the welcome notebook", () => {
    assert.ok(notebooks.includes("00-welcome.ipynb"));
  });

  for (const name of notebooks) {
    describe(name, () => {
      const nb = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));

      it("is nbformat 4.5 with a unique, valid id on every cell", () => {
        assert.equal(nb.nbformat, 4);
        assert.ok(nb.nbformat_minor >= 5, `nbformat_minor ${nb.nbformat_minor}`);
        const ids = nb.cells.map((c: { id?: string }) => c.id);
        for (const id of ids) assert.match(String(id), /^[A-Za-z0-9_-]{1,64}$/);
        assert.equal(new Set(ids).size, ids.length, "duplicate cell ids");
      });

      it("uses the tslab kernelspec", () => {
        assert.equal(nb.metadata?.kernelspec?.name, "tslab");
        assert.equal(nb.metadata?.kernelspec?.language, "typescript");
      });

      it("carries no outputs and no execution counts", () => {
        nb.cells.forEach((c: { cell_type: string; outputs?: unknown[]; execution_count?: number | null }, i: number) => {
          if (c.cell_type !== "code") return;
          assert.deepEqual(c.outputs, [], `cell ${i + 1} has outputs`);
          assert.equal(c.execution_count, null, `cell ${i + 1} has an execution count`);
        });
      });

      it("has only cell types Jupyter knows, with string or list sources", () => {
        for (const c of nb.cells) {
          assert.ok(["code", "markdown", "raw"].includes(c.cell_type));
          assert.ok(typeof c.source === "string" || Array.isArray(c.source));
        }
      });
    });
  }
});
