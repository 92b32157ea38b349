import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Cell, Notebook } from "../../jupyter/notebook";
import { authoringErrors } from "../../grader/validateAuthoring";
import { instructorNotebook } from "./fixtures/submissions";

const nbg = (m: Record<string, unknown>) => ({
  nbgrader: { schema_version: 3, solution: false, grade: false, locked: false, ...m },
});
const code = (source: string, metadata = {}): Cell => ({ cell_type: "code", source, metadata, outputs: [] });
const nb = (...cells: Cell[]): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });

describe("validateAuthoring", () => {
  it("the instructor fixture is well formed", () => {
    assert.deepEqual(authoringErrors(instructorNotebook(), "grader-ema.ipynb"), []);
  });

  it("rejects nested and unclosed solution regions, naming the notebook and the cell", () => {
    const errors = authoringErrors(
      nb(code("// BEGIN SOLUTION\n// BEGIN SOLUTION\n", nbg({ grade_id: "a", solution: true }))),
      "l1.ipynb",
    );
    assert.match(errors[0], /^l1\.ipynb: cell 1 \("a"\): line 2: BEGIN SOLUTION nested/);
    assert.match(errors[1], /never closed/);
  });

  it("rejects duplicate grade ids", () => {
    const errors = authoringErrors(
      nb(
        code("x", nbg({ grade_id: "a", solution: true })),
        code("y", nbg({ grade_id: "a", solution: true })),
      ),
      "l.ipynb",
    );
    assert.deepEqual(errors, ['l.ipynb: cell 2 ("a"): duplicate grade_id "a" (also cell 1)']);
  });

  it("rejects points on a cell that is not graded, and a graded cell without points", () => {
    assert.match(
      authoringErrors(nb(code("x", nbg({ grade_id: "a", solution: true, points: 2 }))), "l.ipynb")[0],
      /points on a cell that is not graded/,
    );
    const t = code(
      "check('t', [{ name: 'n', actual: 1, expected: 1 }]);",
      nbg({ grade_id: "t", grade: true, locked: true }),
    );
    assert.match(authoringErrors(nb(t), "l.ipynb")[0], /needs points > 0/);
  });

  it("rejects regions in the wrong kind of cell, another schema version, test cells the grader cannot rewrite", () => {
    assert.match(
      authoringErrors(
        nb(code("// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS", nbg({ grade_id: "a", solution: true }))),
        "l",
      )[0],
      /HIDDEN TESTS region outside a test cell/,
    );
    assert.match(
      authoringErrors(
        nb(code("x", { nbgrader: { schema_version: 1, grade_id: "a", solution: true } })),
        "l",
      )[0],
      /schema_version 1/,
    );
    const t = code("console.log(1)", nbg({ grade_id: "t", grade: true, locked: true, points: 1 }));
    assert.match(authoringErrors(nb(t), "l")[0], /a test cell may hold only imports and check/);
  });
});
