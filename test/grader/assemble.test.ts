import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkMergeable, mergeResults, reportOf } from "../../grader/assemble";
import type { StoredResult } from "../../grader/results";

const stored = (student: string, instructor = "i1", submission = `sub-${student}`): StoredResult => ({
  key: { submission, instructor, grader: "dlopt-grader 1.1.0", limits: "cell=30" },
  questions: [{ question: "q", max: 2, manual: false }],
  result: {
    student,
    notebook: "nb",
    total: 2,
    max: 2,
    grades: [{ question: "q", points: 2, max: 2, status: "pass", message: "" }],
    warnings: [],
    seconds: 1,
  },
});

describe("assembling results", () => {
  it("makes one report sorted by student, whatever the order results came in", () => {
    const r = reportOf([stored("b"), stored("a")], 3);
    assert.deepEqual(
      r.results.map((n) => n.student),
      ["a", "b"],
    );
    assert.deepEqual(r.assignments, [{ name: "nb", questions: [{ question: "q", max: 2, manual: false }] }]);
  });

  it("merges shards that agree", () => {
    const sets = [
      { dir: "s1", results: [stored("a")] },
      { dir: "s2", results: [stored("b")] },
    ];
    checkMergeable(sets);
    assert.equal(mergeResults(sets).length, 2);
  });

  it("refuses results of different instructor notebooks, naming the folders", () => {
    assert.throws(
      () =>
        checkMergeable([
          { dir: "s1", results: [stored("a")] },
          { dir: "s2", results: [stored("b", "i2")] },
        ]),
      /nb: s1 and s2 were graded with different instructor notebooks/,
    );
  });

  it("refuses two different results of one student", () => {
    assert.throws(
      () =>
        checkMergeable([
          { dir: "s1", results: [stored("a")] },
          { dir: "s2", results: [stored("a", "i1", "other")] },
        ]),
      /a\/nb: s1 and s2 graded different submissions/,
    );
  });
});
