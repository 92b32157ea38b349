import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  INSTRUCTOR,
  NAME,
  submissions,
  writeSubmissions,
  type Submission,
} from "../grader/fixtures/submissions";

/**
 * End to end: every robustness submission of test/grader/fixtures/submissions.ts graded as one batch by
 * the CLI (real tslab kernels, two at a time), then each student's grades checked against what it must get.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const only = process.env.GRADER_ONLY?.split(",");
const list: Submission[] = submissions().filter((s) => !only || only.includes(s.student));

interface Rec {
  student: string;
  notebook: string;
  question: string;
  points: number;
  max: number;
  status: string;
  message: string;
}

describe("npm run grade on the robustness submissions (one batch)", { timeout: 900_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "grader-"));
  const out = path.join(tmp, "out");
  let records: Rec[] = [];
  let notebooks: { student: string; total: number; max: number; warnings: string[]; seconds: number }[] = [];
  let exit: number | null = null;
  let log = "";

  before(() => {
    const source = path.join(tmp, "source");
    fs.mkdirSync(source);
    fs.copyFileSync(INSTRUCTOR, path.join(source, `${NAME}.ipynb`));
    writeSubmissions(path.join(tmp, "submissions"), list);
    const args = [
      "tsx",
      "grader/cli.ts",
      "grade",
      path.join(tmp, "submissions"),
      "--out",
      out,
      "--source",
      source,
    ];
    const r = spawnSync(
      "npx",
      [...args, "--cell-timeout", "6", "--notebook-timeout", "120", "--memory-mb", "256"],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 880_000,
      },
    );
    exit = r.status;
    log = r.stdout + r.stderr;
    if (fs.existsSync(path.join(out, "grades.json"))) {
      const g = JSON.parse(fs.readFileSync(path.join(out, "grades.json"), "utf8"));
      records = g.records;
      notebooks = g.notebooks;
    }
  });

  it("exits 0 and writes grades.json, grades.csv and one feedback page per student", () => {
    assert.equal(exit, 0, log);
    const csv = fs.readFileSync(path.join(out, "grades.csv"), "utf8").trim().split("\n");
    assert.equal(csv[0], "student_id,grader-ema:q-ema,grader-ema:q-clip,grader-ema:why-ema,total,max");
    assert.equal(csv.length, list.length + 1);
    for (const s of list)
      assert.ok(fs.existsSync(path.join(out, "feedback", s.student, `${NAME}.html`)), s.student);
  });

  for (const s of list) {
    it(`${s.student}${s.cases.length ? ` (case ${s.cases.join(", ")})` : ""} gets q-ema ${s.expect["q-ema"].join(" ")} and q-clip ${s.expect["q-clip"].join(" ")}`, () => {
      const mine = records.filter((r) => r.student === s.student);
      for (const q of ["q-ema", "q-clip"] as const) {
        const r = mine.find((x) => x.question === q);
        assert.ok(r, `${s.student} has no record for ${q}\n${log}`);
        assert.deepEqual([r.status, r.points], s.expect[q], `${s.student} ${q}: ${r.message}`);
        assert.ok(r.points <= r.max);
        const m = s.messages?.[q];
        if (m) assert.match(r.message, m);
      }
      const nb = notebooks.find((n) => n.student === s.student)!;
      assert.equal(nb.max, 5, "max points never change");
      for (const w of s.warnings ?? [])
        assert.ok(
          nb.warnings.some((x) => w.test(x)),
          `${s.student}: no warning ${w} in ${JSON.stringify(nb.warnings)}`,
        );
    });
  }

  it("feedback shows the score and message at each graded cell, escaped", () => {
    const html = fs.readFileSync(path.join(out, "feedback", list[0].student, `${NAME}.html`), "utf8");
    assert.match(html, /q-ema: \d+ \/ 2/);
    assert.doesNotMatch(html, /<script/);
  });
});
