import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { regionErrors, replaceRegions, STUB } from "../../grader/regions";

const cell = `function f(): number {
  // BEGIN SOLUTION
  return 1;
  // END SOLUTION
}`;

describe("solution and hidden-test regions", () => {
  it("replaceRegions puts the stub in place of a solution, indented like its BEGIN line", () => {
    assert.equal(
      replaceRegions(cell, "SOLUTION", STUB),
      'function f(): number {\n  throw new Error("not implemented");\n}',
    );
  });

  it("replaceRegions with null removes hidden tests and their delimiters", () => {
    assert.equal(
      replaceRegions("a\n// BEGIN HIDDEN TESTS\nb\n// END HIDDEN TESTS\nc", "HIDDEN TESTS", null),
      "a\nc",
    );
  });

  it("regionErrors finds nested, unclosed and stray regions, with their lines", () => {
    assert.deepEqual(regionErrors(cell), []);
    assert.deepEqual(regionErrors("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION"), [
      "line 2: BEGIN SOLUTION nested inside BEGIN SOLUTION of line 1",
    ]);
    assert.deepEqual(regionErrors("// BEGIN SOLUTION\nx"), ["line 1: BEGIN SOLUTION is never closed"]);
    assert.deepEqual(regionErrors("x\n// END HIDDEN TESTS"), [
      "line 2: END HIDDEN TESTS without BEGIN HIDDEN TESTS",
    ]);
  });
});
