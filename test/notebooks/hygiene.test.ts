import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const dir = path.resolve(__dirname, "..", "..", "notebooks");
const notebooks = fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort();

/**
 * `{ x: x }` and `const { x: x } = o` in a cell's code, as `cell N: text`: the shorthand `{ x }` says the
 * same (the course's kernel handles it across cells).
 */
function redundantPropertyNames(cells: { cell_type: string; source: string | string[] }[]): string[] {
  const found: string[] = [];
  cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    const file = ts.createSourceFile("cell.ts", [c.source].flat().join(""), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      const pair: (ts.Node | undefined)[] = ts.isPropertyAssignment(node)
        ? [node.name, node.initializer]
        : ts.isBindingElement(node)
          ? [node.propertyName, node.name]
          : [];
      if (pair.length > 0 && pair.every((n) => n && ts.isIdentifier(n)) && pair[0]!.getText() === pair[1]!.getText())
        found.push(`cell ${i + 1}: ${node.getText()}`);
      ts.forEachChild(node, visit);
    };
    visit(file);
  });
  return found;
}

/**
 * The Math functions whose last bits differ between JavaScript engines (as eslint.config.mjs forbids them in
 * lib/src), and `**` unless exact (x ** 2, 2 ** n): a lesson computes them with lib's `detMath`, so that it
 * prints the same digits in tslab and in the browser edition.
 */
const ENGINE_MATH = new Set(
  "exp log log1p log10 log2 expm1 pow sin cos tan asin acos atan atan2 sinh cosh tanh asinh acosh atanh cbrt".split(" "),
);

/** Uses of ENGINE_MATH and of inexact `**` in a notebook's code cells, as `cell N: text`. */
function engineMath(cells: { cell_type: string; source: string | string[] }[]): string[] {
  const found: string[] = [];
  cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    const file = ts.createSourceFile("cell.ts", [c.source].flat().join(""), ts.ScriptTarget.ES2022, true);
    const two = (n: ts.Node) => ts.isNumericLiteral(n) && n.text === "2";
    const visit = (node: ts.Node): void => {
      if (
        ts.isPropertyAccessExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === "Math" &&
        ENGINE_MATH.has(node.name.text)
      )
        found.push(`cell ${i + 1}: ${node.getText()}`);
      if (
        ts.isBinaryExpression(node) &&
        (node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken ||
          (node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken && !two(node.left) && !two(node.right)))
      )
        found.push(`cell ${i + 1}: ${node.getText()}`);
      ts.forEachChild(node, visit);
    };
    visit(file);
  });
  return found;
}

describe("the engine-math check", () => {
  it("finds Math.exp, Math.cos passed as a value and 0.9 ** t, and leaves detMath, Math.sqrt, x ** 2 and 2 ** n alone", () => {
    const cell = (source: string) => ({ cell_type: "code", source });
    assert.deepEqual(
      engineMath([
        cell("const a = Math.exp(1) + 0.9 ** t;\nrun(Math.cos);"),
        cell("const b = detMath.exp(1) + Math.sqrt(2) + x ** 2 + 2 ** 10 + Math.hypot(3, 4);"),
      ]),
      ["cell 1: Math.exp", "cell 1: 0.9 ** t", "cell 1: Math.cos"],
    );
  });
});

describe("the redundant-property check", () => {
  it("finds { x: x } and { x: x } = o, and leaves { x }, { x: y } and ternaries alone", () => {
    const cell = (source: string) => ({ cell_type: "code", source });
    assert.deepEqual(
      redundantPropertyNames([
        cell("const a = { steps: steps, lr: 0.1 };\nconst { x: x, y: z } = p;"),
        cell("const b = { steps, lr: rate };\nconst c = ok ? h : h;\nconst { x, y: w } = p;"),
      ]),
      ["cell 1: steps: steps", "cell 1: x: x"],
    );
  });
});

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

      it("writes { x } rather than { x: x }", () => {
        assert.deepEqual(redundantPropertyNames(nb.cells), []);
      });

      it("computes exp, log, pow, sin, cos, … and inexact powers with lib's detMath, not the engine's Math", () => {
        assert.deepEqual(engineMath(nb.cells), []);
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
