import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { parseCsv } from "../../grader/manual";
import { executeNotebook, prepare } from "../../jupyter/executeNotebook";
import {
  CLIP_OK,
  EMA_OK,
  EMA_WRONG,
  INSTRUCTOR,
  NAME,
  releasedNotebook,
  submissions,
  writeSubmissions,
  type Submission,
} from "../grader/fixtures/submissions";
import { hostileSubmissions } from "../grader/fixtures/hostile";

/**
 * End to end: every robustness submission of test/grader/fixtures/submissions.ts and every hostile one of
 * hostile.ts graded as one batch by the CLI (real tslab kernels, two at a time, each in its sandbox), then
 * each student's grades checked against what it must get, and every file outside the sandboxes unchanged.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const only = process.env.GRADER_ONLY?.split(",");
// A port from the process id (tests never use Math.random), clear of the browser tests' ranges.
const PORT = 23000 + (process.pid % 1000);

/** sha256 of every file under the folders, by path. */
function snapshot(dirs: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(p, createHash("sha256").update(fs.readFileSync(p)).digest("hex"));
    }
  };
  dirs.forEach(walk);
  return files;
}

interface Rec {
  student: string;
  notebook: string;
  question: string;
  points: number;
  max: number;
  status: string;
  message: string;
}

describe(
  "npm run grade on the robustness and hostile submissions (one batch)",
  { timeout: 1_500_000 },
  () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "grader-"));
    const out = path.join(tmp, "out");
    const canary = path.join(ROOT, "build", "test", `grader-canary-${process.pid}`);
    const earlier = path.join(out, "earlier-batch");
    const list: Submission[] = [
      ...submissions(),
      ...hostileSubmissions({
        submissions: path.join(tmp, "submissions"),
        out,
        source: path.join(tmp, "source"),
        instructor: INSTRUCTOR,
        canary,
        port: PORT,
      }),
    ].filter((s) => !only || only.includes(s.student));
    let outside = new Map<string, string>();
    let connections = 0;
    let records: Rec[] = [];
    let notebooks: { student: string; total: number; max: number; warnings: string[]; seconds: number }[] =
      [];
    let exit: number | null = null;
    let log = "";

    before(async () => {
      const source = path.join(tmp, "source");
      fs.mkdirSync(source);
      fs.copyFileSync(INSTRUCTOR, path.join(source, `${NAME}.ipynb`));
      writeSubmissions(path.join(tmp, "submissions"), list);
      // Files a hostile kernel would destroy: an earlier batch's results in the output folder, and files in
      // the course's build folder.
      for (const d of [earlier, canary]) {
        fs.mkdirSync(d, { recursive: true });
        fs.writeFileSync(path.join(d, "grades.json"), '{"graded": "before"}\n');
      }
      outside = snapshot([path.join(tmp, "submissions"), source, earlier, canary]);
      // A server on the host's loopback that would hand out the answer.
      const server = net.createServer((socket) => {
        connections++;
        socket.end("return xs;");
      });
      await new Promise<void>((r) => server.listen(PORT, "127.0.0.1", r));
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
      // Asynchronous, so that the server above can answer meanwhile.
      const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(
          "npx",
          [...args, "--cell-timeout", "6", "--notebook-timeout", "120", "--memory-mb", "256"],
          { cwd: ROOT, timeout: 1_400_000 },
        );
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      });
      server.close();
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
        for (const w of s.noWarnings ?? [])
          assert.ok(
            !nb.warnings.some((x) => w.test(x)),
            `${s.student}: warning ${w} in ${JSON.stringify(nb.warnings)}`,
          );
        if (s.feedback) {
          const html = fs.readFileSync(path.join(out, "feedback", s.student, `${NAME}.html`), "utf8");
          for (const f of s.feedback) assert.match(html, f, `${s.student}: feedback`);
        }
      });
    }

    it("feedback shows the score and message at each graded cell, escaped", () => {
      const html = fs.readFileSync(path.join(out, "feedback", list[0].student, `${NAME}.html`), "utf8");
      assert.match(html, /q-ema: \d+ \/ 2/);
      assert.doesNotMatch(html, /<script/);
      assert.match(html, /Content-Security-Policy" content="default-src 'none'; script-src 'self' 'sha256-/);
    });

    it("the hostile submissions changed no file outside their sandbox and reached no server", () => {
      assert.deepEqual(
        snapshot([path.join(tmp, "submissions"), path.join(tmp, "source"), earlier, canary]),
        outside,
      );
      assert.equal(connections, 0, "a kernel connected to the host's 127.0.0.1");
      const g = JSON.parse(fs.readFileSync(path.join(out, "grades.json"), "utf8"));
      for (const n of g.notebooks.filter((x: { student: string }) => x.student.startsWith("hostile-")))
        assert.equal(n.total, 0, n.student);
      fs.rmSync(canary, { recursive: true, force: true });
    });

    it("manual.csv lists every answer graded by hand; npm run grade:manual scores it in grades and feedback", () => {
      const file = path.join(out, "manual.csv");
      const text = fs.readFileSync(file, "utf8");
      const rows = parseCsv(text);
      assert.deepEqual(rows[0].fields, ["student_id", "question", "max", "points", "comment", "answer"]);
      assert.equal(rows.length, list.length + 1, "one row per student for why-ema");
      const row = rows.find((r) => r.fields[0] === list[0].student)!;
      assert.equal(row.fields[1], "grader-ema:why-ema");
      assert.notEqual(row.fields[5], "(no answer cell found)");
      const max = Number(row.fields[2]);
      const scoredFields = [...row.fields];
      scoredFields[3] = String(max);
      scoredFields[4] = "Clear, and right";
      const line = (f: string[]) =>
        f.map((x) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x)).join(",");
      const scored = text.replace(line(row.fields), line(scoredFields));
      assert.notEqual(scored, text);
      fs.writeFileSync(file, scored);
      const manual = () =>
        spawnSync("npx", ["tsx", "grader/cli.ts", "manual", out], { cwd: ROOT, encoding: "utf8" });
      const r = manual();
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const graded = fs.readFileSync(path.join(out, "grades.json"), "utf8");
      const g = JSON.parse(graded);
      const rec = g.records.find((x: Rec) => x.student === list[0].student && x.question === "why-ema");
      assert.deepEqual([rec.status, rec.points, rec.message], ["graded", max, "Clear, and right"]);
      const nb = g.notebooks.find((n: { student: string }) => n.student === list[0].student);
      assert.equal(nb.max, 5 + max);
      const html = fs.readFileSync(path.join(out, "feedback", list[0].student, `${NAME}.html`), "utf8");
      assert.match(html, new RegExp(`why-ema: ${max} / ${max} — graded: Clear, and right`));
      const csv = fs.readFileSync(path.join(out, "grades.csv"), "utf8");
      assert.match(csv, new RegExp(`^${list[0].student},.*,${max},${nb.total},${5 + max}$`, "m"));

      // Points above the maximum: refused with the line, and nothing changes.
      const badFields = [...scoredFields];
      badFields[3] = String(max + 1);
      fs.writeFileSync(file, scored.replace(line(scoredFields), line(badFields)));
      const bad = manual();
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, new RegExp(`manual.csv:${row.line}: points "${max + 1}"`));
      assert.equal(fs.readFileSync(path.join(out, "grades.json"), "utf8"), graded);
    });
  },
);

describe("the learner's self-check in a released notebook (tslab kernel)", { timeout: 300_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfcheck-"));
  const write = (name: string, ema: string) => {
    const nb = releasedNotebook();
    for (const c of nb.cells) {
      if (c.metadata.nbgrader?.grade_id === "ema-answer") c.source = ema;
      if (c.metadata.nbgrader?.grade_id === "clip-answer") c.source = CLIP_OK;
    }
    const file = path.join(tmp, `${name}.ipynb`);
    fs.writeFileSync(file, JSON.stringify(nb));
    return file;
  };
  const cellText = (file: string, id: string) => {
    const nb = JSON.parse(fs.readFileSync(file, "utf8"));
    const c = nb.cells.find(
      (x: { metadata: { nbgrader?: { grade_id?: string } } }) => x.metadata.nbgrader?.grade_id === id,
    );
    return JSON.stringify(c.outputs);
  };
  let python = "";
  before(() => {
    python = prepare(() => {});
  });

  it("a right answer prints a tick per public case and the notebook runs through", async () => {
    const r = await executeNotebook(python, write("selfcheck-right", EMA_OK), { outDir: tmp });
    assert.equal(r.ok, true, JSON.stringify(r.failure));
    assert.match(cellText(r.output, "q-ema"), /✓ q-ema: rho 0.5 on 3 8 6.*q-ema: the 1 case passed/);
  });

  it("a wrong answer prints which case failed with expected vs actual, and the test cell fails", async () => {
    const r = await executeNotebook(python, write("selfcheck-wrong", EMA_WRONG), { outDir: tmp });
    assert.equal(r.ok, false);
    assert.match(cellText(r.output, "q-ema"), /✗ q-ema: rho 0.5 on 3 8 6: at \[1\]: expected 5.5, got 9.5/);
    assert.match(r.failure!.message, /q-ema: 1 of 1 cases failed/);
  });
});
