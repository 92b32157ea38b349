import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gradingSource, parseTestCell } from "../../grader/testCells";

const cell = `import { check } from "@dlopt/lib";
check("q-ema", [
  { name: "rho 0.5", actual: ema(xs, 0.5), expected: new Float64Array([3, 5.5]), tol: 1e-12 },
]);
// BEGIN HIDDEN TESTS
check("q-ema", [{ name: "hidden", actual: ema(ys, 0), expected: SECRET }]);
// END HIDDEN TESTS`;

describe("test cells", () => {
  it("parseTestCell reads every case's name, actual, expected and tol", () => {
    const p = parseTestCell(cell, "q-ema");
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.cases, [
      { name: "rho 0.5", actual: "ema(xs, 0.5)", expected: "new Float64Array([3, 5.5])", tol: "1e-12" },
      { name: "hidden", actual: "ema(ys, 0)", expected: "SECRET", tol: null },
    ]);
  });

  it("the learner's version runs only the actual expressions: expected values never enter the learner's kernel", () => {
    const src = gradingSource(cell, "q-ema", "n0nce", false);
    assert.doesNotMatch(src, /SECRET|5\.5|1e-12/);
    assert.match(
      src,
      /dlopt\$recordCheck\("n0nce", "q-ema", \[\n {2}\["rho 0\.5", \(\) => \(ema\(xs, 0\.5\)\)\],/,
    );
    assert.match(src, /\["hidden", \(\) => \(ema\(ys, 0\)\)\]/);
  });

  it("the grader's own (trusted) version evaluates expected and tol too", () => {
    const src = gradingSource(cell, "q-ema", "n", true);
    assert.match(src, /\["hidden", \(\) => \(ema\(ys, 0\)\), \(\) => \(SECRET\), \(\) => \(0\)\]/);
  });

  it("parseTestCell rejects statements other than imports and check calls, foreign ids, unnamed or duplicate cases", () => {
    assert.match(
      parseTestCell("const x = 1;\ncheck('q', [{ name: 'a', actual: 1, expected: 1 }]);", "q").errors[0],
      /line 1: a test cell may hold only imports/,
    );
    assert.match(
      parseTestCell("check('other', [{ name: 'a', actual: 1, expected: 1 }]);", "q").errors[0],
      /check\("other"\) in the cell of "q"/,
    );
    assert.match(parseTestCell("check('q', [{ actual: 1, expected: 1 }]);", "q").errors[0], /needs name/);
    assert.match(
      parseTestCell(
        "check('q', [{ name: 'a', actual: 1, expected: 1 }, { name: 'a', actual: 2, expected: 2 }]);",
        "q",
      ).errors[0],
      /two cases are named "a"/,
    );
    assert.match(
      parseTestCell("check('q', [{ name: 'a', actual: 1 }]);", "q").errors[0],
      /needs actual and expected/,
    );
  });
});
