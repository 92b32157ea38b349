import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { makeNotebook, sourceOf, type Cell } from "../../../jupyter/notebook";
import { studentView } from "../../../scripts/site/studentView";

const grader = (meta: Record<string, unknown>) => ({
  nbgrader: { schema_version: 3, locked: false, ...meta },
});
const code = (id: string, source: string, metadata: Record<string, unknown> = {}): Cell => ({
  id,
  cell_type: "code",
  metadata,
  source,
  outputs: [{ output_type: "stream", name: "stdout", text: `output of ${id}\n` }],
  execution_count: 1,
});
/** A notebook with these cells as they are (makeNotebook would clear their outputs). */
const nb = (cells: Cell[]) => ({ ...makeNotebook([]), cells });

describe("the student version of a lesson (studentView, the grader's release steps)", () => {
  const instructor = nb([
    { id: "intro", cell_type: "markdown", metadata: {}, source: "# Lesson" },
    code("plain", "console.log(1);"),
    code(
      "solution",
      "function f(x: number) {\n  // BEGIN SOLUTION\n  return 2 * x;\n  // END SOLUTION\n}",
      grader({ grade_id: "f", solution: true, grade: false }),
    ),
    code(
      "tests",
      'check("f-tests", [{ name: "f(1)", actual: f(1), expected: 2 }]);\n' +
        "// BEGIN HIDDEN TESTS\n" +
        'check("f-tests", [{ name: "f(-3)", actual: f(-3), expected: -6 }]);\n' +
        "// END HIDDEN TESTS",
      grader({ grade_id: "f-tests", solution: false, grade: true, points: 1, locked: true }),
    ),
    {
      id: "answer",
      cell_type: "markdown",
      metadata: grader({ grade_id: "why", solution: true, grade: true, points: 1 }),
      source: "Because.",
    },
  ]);
  const { notebook, changed } = studentView(instructor, "lesson.ipynb");
  const src = (i: number) => sourceOf(notebook.cells[i]);

  it("replaces a solution region by the grader's stub, at the region's indentation", () => {
    assert.equal(src(2), 'function f(x: number) {\n  throw new Error("not implemented");\n}');
  });

  it("removes hidden tests and keeps the public ones", () => {
    assert.equal(src(3), 'check("f-tests", [{ name: "f(1)", actual: f(1), expected: 2 }]);');
  });

  it("blanks a manually graded markdown answer", () => {
    assert.equal(src(4), "YOUR ANSWER HERE");
  });

  it("drops the outputs of every changed cell and keeps the others", () => {
    assert.deepEqual(changed, [2, 3, 4]);
    assert.deepEqual(notebook.cells[1].outputs, [
      { output_type: "stream", name: "stdout", text: "output of plain\n" },
    ]);
    assert.deepEqual(notebook.cells[2].outputs, []);
    assert.deepEqual(notebook.cells[3].outputs, []);
  });

  it("leaves the instructor's notebook untouched", () => {
    assert.match(sourceOf(instructor.cells[2]), /return 2 \* x/);
    assert.equal(instructor.cells[2].outputs?.length, 1);
  });

  it("rejects malformed authoring, naming the notebook and the cell", () => {
    const bad = nb([code("c", "a;\n// BEGIN SOLUTION\nb;", grader({ grade_id: "c", solution: true }))]);
    assert.throws(
      () => studentView(bad, "bad.ipynb"),
      /bad\.ipynb: cell 1 \("c"\): line 2: BEGIN SOLUTION is never closed/,
    );
  });
});
