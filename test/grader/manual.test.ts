import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { BatchReport } from "../../grader/grade";
import { applyManual, manualCsv, parseCsv, readManualCsv } from "../../grader/manual";
import { gradesCsv, gradesJson, reportFromJson } from "../../grader/report";

const answerCell = (source: string) => ({
  cell_type: "markdown" as const,
  metadata: { nbgrader: { grade_id: "w", solution: true, grade: true, points: 2 } },
  source,
});

function report(): BatchReport {
  const result = (student: string, answer: string) => ({
    student,
    notebook: "l1",
    total: 3,
    max: 3,
    seconds: 1,
    warnings: [],
    grades: [
      { question: "q1", points: 3, max: 3, status: "pass" as const, message: "all 2 cases passed" },
      {
        question: "w",
        points: 0,
        max: 2,
        status: "ungradable" as const,
        message: "graded by hand",
        manual: true,
      },
    ],
    executed: { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [answerCell(answer)] },
  });
  return {
    grader: "dlopt-grader test",
    gradedAt: "2026-01-01T00:00:00.000Z",
    seconds: 2,
    assignments: [
      {
        name: "l1",
        questions: [
          { question: "q1", max: 3, manual: false },
          { question: "w", max: 2, manual: true },
        ],
      },
    ],
    results: [result("ada", 'Because the EMA, "unrolled",\nweights old terms less.'), result("bob", "=1+1")],
  } as BatchReport;
}

describe("manually graded answers (manual.csv)", () => {
  it("parseCsv reads quoted fields, doubled quotes, CRLF, line breaks inside quotes and a byte-order mark, with line numbers", () => {
    const rows = parseCsv('\ufeffa,b\r\n"x, ""y""","two\nlines"\r\nlast,\n');
    assert.deepEqual(rows, [
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ['x, "y"', "two\nlines"] },
      { line: 4, fields: ["last", ""] },
    ]);
  });

  it("parseCsv reads a spreadsheet's file from a locale with ; separators and decimal commas", () => {
    const text =
      '\ufeffstudent_id;question;max;points;comment;answer\r\nada;l1:w;2;1,5;"Good; say why";"a, b"\r\n';
    assert.deepEqual(parseCsv(text), [
      { line: 1, fields: ["student_id", "question", "max", "points", "comment", "answer"] },
      { line: 2, fields: ["ada", "l1:w", "2", "1,5", "Good; say why", "a, b"] },
    ]);
    const [row] = readManualCsv(text, "manual.csv");
    assert.deepEqual(
      [row.student, row.question, row.points, row.comment],
      ["ada", "l1:w", "1.5", "Good; say why"],
    );
  });

  it("numbers rows after quoted line breaks, CRLF inside quotes included, and reads empty lines as no row", () => {
    const rows = parseCsv('h\r\n"one\r\ntwo\r\nthree"\r\n\r\nlast\r\n');
    assert.deepEqual(rows, [
      { line: 1, fields: ["h"] },
      { line: 2, fields: ["one\ntwo\nthree"] },
      { line: 6, fields: ["last"] },
    ]);
  });

  it("lists one row per student and question graded by hand, with the student's answer, made inert for spreadsheets", () => {
    const csv = manualCsv(report());
    const rows = parseCsv(csv).map((r) => r.fields);
    assert.deepEqual(rows[0], ["student_id", "question", "max", "points", "comment", "answer"]);
    assert.deepEqual(rows[1], [
      "ada",
      "l1:w",
      "2",
      "",
      "",
      'Because the EMA, "unrolled",\nweights old terms less.',
    ]);
    assert.deepEqual(rows[2], ["bob", "l1:w", "2", "", "", "'=1+1"]);
    assert.equal(rows.length, 3);
  });

  it("keeps the points and comments an instructor already entered when it is written again", () => {
    const first = manualCsv(report()).replace(
      "ada,l1:w,2,,,",
      "ada,l1:w,2,1.5,Good idea; say why it decays,",
    );
    const rows = readManualCsv(first, "manual.csv");
    assert.deepEqual(rows[0], {
      line: 2,
      student: "ada",
      question: "l1:w",
      points: "1.5",
      comment: "Good idea; say why it decays",
    });
    assert.equal(manualCsv(report(), rows), first);
  });

  it("applies the points: status graded, the comment as message, counted in total and max; an empty row stays ungraded", () => {
    const rows = readManualCsv(
      "student_id,question,points,comment\nada,l1:w,1.5,say why\nbob,l1:w,,\n",
      "m.csv",
    );
    const before = report();
    const after = applyManual(before, rows, "m.csv");
    const ada = after.results[0];
    assert.deepEqual(ada.grades[1], {
      question: "w",
      points: 1.5,
      max: 2,
      status: "graded",
      message: "say why",
      manual: true,
    });
    assert.deepEqual([ada.total, ada.max], [4.5, 5]);
    assert.deepEqual([after.results[1].total, after.results[1].max], [3, 3]);
    assert.equal(after.results[1].grades[1].status, "ungradable");
    assert.equal(before.results[0].grades[1].points, 0, "the report given is not changed");
    assert.equal(gradesCsv(after), "student_id,l1:q1,l1:w,total,max\nada,3,1.5,4.5,5\nbob,3,,3,3\n");
  });

  it("refuses a wrong file, naming every bad line, and applies nothing", () => {
    const text = [
      "student_id,question,points",
      "ada,l1:w,3",
      "ada,l1:q1,1",
      "eve,l1:w,1",
      "bob,l1:x,1",
      "bob,l1:w,one",
      "bob,l1:w,1",
      "bob,w,1",
    ].join("\n");
    assert.throws(
      () => applyManual(report(), readManualCsv(text, "manual.csv"), "manual.csv"),
      (e: Error) => {
        assert.match(e.message, /manual.csv:2: points "3" for l1:w \(expected 0 to 2\)/);
        assert.match(e.message, /manual.csv:3: l1:q1 is autograded, not graded by hand/);
        assert.match(e.message, /manual.csv:4: no graded notebook l1 of student "eve"/);
        assert.match(e.message, /manual.csv:5: no question "l1:x"/);
        assert.match(e.message, /manual.csv:6: points "one"/);
        assert.match(e.message, /manual.csv:7: bob l1:w is also on line 6/);
        assert.match(e.message, /manual.csv:8: no question "w" \(expected <notebook>:<question>\)/);
        return true;
      },
    );
    assert.throws(() => readManualCsv("name,score\n", "manual.csv"), /manual.csv:1: no column "student_id"/);
  });

  it("the report read back from grades.json is the report written, so manual grading needs no new run", () => {
    const r = report();
    const back = reportFromJson(gradesJson(r), (s) => r.results.find((n) => n.student === s)!.executed);
    assert.deepEqual(back, r);
  });
});
