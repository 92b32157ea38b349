import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { BatchReport } from "../../grader/grade";
import { feedbackHtml, gradesCsv, gradesJson } from "../../grader/report";

const report: BatchReport = {
  grader: "dlopt-grader test",
  gradedAt: "2026-01-01T00:00:00.000Z",
  seconds: 1,
  assignments: [
    {
      name: "l1",
      questions: [
        { question: "q1", max: 2, manual: false },
        { question: "w", max: 1, manual: true },
      ],
    },
  ],
  results: [
    {
      student: "=cmd|evil",
      notebook: "l1",
      total: 2,
      max: 2,
      seconds: 1,
      warnings: ["cell <b> restored"],
      grades: [
        { question: "q1", points: 2, max: 2, status: "pass", message: "all 1 cases passed" },
        { question: "w", points: 0, max: 1, status: "ungradable", message: "graded by hand", manual: true },
      ],
    },
  ],
};

describe("the grade report files", () => {
  it("grades.csv has one row per student: each question, total and max; manual questions left empty; formulas quoted", () => {
    assert.equal(gradesCsv(report), 'student_id,l1:q1,l1:w,total,max\n"=cmd|evil",2,,2,2\n');
  });

  it("grades.json has one record per student, notebook and question with points, max, status and message", () => {
    const j = JSON.parse(gradesJson(report));
    assert.deepEqual(j.records[0], {
      student: "=cmd|evil",
      notebook: "l1",
      question: "q1",
      points: 2,
      max: 2,
      status: "pass",
      message: "all 1 cases passed",
    });
    assert.deepEqual(j.notebooks[0].warnings, ["cell <b> restored"]);
    assert.equal(j.grader, "dlopt-grader test");
  });

  it("the feedback page shows the total and escapes everything the learner wrote", () => {
    const html = feedbackHtml(report.results[0], report.grader);
    assert.match(html, /<h1>l1: 2 \/ 2<\/h1>/);
    assert.match(html, /cell &lt;b&gt; restored/);
  });
});
