import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "child_process";
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
 * Long batches, end to end with real kernels: a batch killed with SIGKILL at three moments then run again,
 * two shards run at the same time then merged, a rerun, a changed submission, and a merge of different
 * instructor notebooks. One small class (four kernels a batch) shared by all of them.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const STUDENTS = ["instructor", "wrong-answers", "type-error", "untouched-release", "missing-notebook"];
const list: Submission[] = submissions().filter((s) => STUDENTS.includes(s.student));
const LIMITS = ["--cell-timeout", "10", "--notebook-timeout", "120", "--memory-mb", "256"];
const CLI = [process.execPath, "--import", "tsx", path.join(ROOT, "grader", "cli.ts")];

function grade(args: string[]) {
  const r = spawnSync(CLI[0], [...CLI.slice(1), "grade", ...args, ...LIMITS], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 600_000,
  });
  const log = r.stdout + r.stderr;
  assert.equal(r.status, 0, log);
  return {
    log,
    graded: Number(/grading (\d+)/.exec(log)?.[1] ?? NaN),
    reused: Number(/reusing (\d+)/.exec(log)?.[1]),
  };
}

/** grades.json without its timings; grades.csv as is. */
function batchFiles(out: string) {
  const j = JSON.parse(fs.readFileSync(path.join(out, "grades.json"), "utf8"));
  delete j.gradedAt;
  delete j.seconds;
  for (const n of j.notebooks) delete n.seconds;
  return { json: j, csv: fs.readFileSync(path.join(out, "grades.csv"), "utf8") };
}

const resultsOf = (out: string) => {
  const dir = path.join(out, "results");
  const files = new Map<string, string>();
  if (!fs.existsSync(dir)) return files;
  for (const s of fs.readdirSync(dir).filter((x) => !x.startsWith("."))) {
    for (const f of fs
      .readdirSync(path.join(dir, s))
      .filter((x) => x.endsWith(".json") && !x.startsWith("."))) {
      files.set(`${s}/${f}`, fs.readFileSync(path.join(dir, s, f), "utf8"));
    }
  }
  return files;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("grading a class in pieces: interrupted, resumed, sharded, merged", { timeout: 1_200_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "grader-batch-"));
  const subs = path.join(tmp, "submissions");
  const source = path.join(tmp, "source");
  const at = (name: string) => path.join(tmp, name);
  let whole: ReturnType<typeof batchFiles>;

  before(() => {
    fs.mkdirSync(source);
    fs.copyFileSync(INSTRUCTOR, path.join(source, `${NAME}.ipynb`));
    writeSubmissions(subs, list);
    const r = grade([subs, "--out", at("whole"), "--source", source, "--jobs", "2"]);
    assert.equal(r.graded, list.length, r.log);
    whole = batchFiles(at("whole"));
  });

  it("one uninterrupted run grades every student", () => {
    assert.equal(whole.json.notebooks.length, list.length);
    assert.equal(whole.csv.trim().split("\n").length, list.length + 1);
  });

  it("killed with SIGKILL at three moments, then run again: the same grades, and no result graded twice", async () => {
    const out = at("killed");
    const kept: Map<string, string>[] = [];
    // Kill during the instructor's run (no result yet), after the first result, after the third.
    for (const results of [0, 1, 3]) {
      const child = spawn(
        CLI[0],
        [...CLI.slice(1), "grade", subs, "--out", out, "--source", source, "--jobs", "2", ...LIMITS],
        { cwd: ROOT, detached: true, stdio: "ignore" },
      );
      const end = Date.now() + 300_000;
      if (results === 0) await sleep(8000);
      while (resultsOf(out).size < results && Date.now() < end) await sleep(100);
      // The grader, its drivers and their kernels, as an out-of-memory kill or a reboot would.
      process.kill(-child.pid!, "SIGKILL");
      await new Promise((r) =>
        child.exitCode !== null || child.signalCode !== null ? r(null) : child.on("exit", r),
      );
      kept.push(resultsOf(out));
    }
    assert.equal(kept[0].size, 0, "killed during the instructor's run");
    const before = kept.at(-1)!;
    assert.ok(before.size >= 2 && before.size < list.length, `results after the kills: ${before.size}`);
    const r = grade([subs, "--out", out, "--source", source, "--jobs", "2"]);
    assert.equal(r.reused, before.size, r.log);
    assert.equal(r.graded, list.length - before.size, r.log);
    const after = resultsOf(out);
    for (const [file, text] of before) assert.equal(after.get(file), text, `${file} was graded again`);
    assert.deepEqual(batchFiles(out), whole);
  });

  it("two shards run at the same time, then merged, give the grades of one run", async () => {
    const run = (i: number) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(
          CLI[0],
          [
            ...CLI.slice(1),
            "grade",
            subs,
            "--out",
            at(`shard${i}`),
            "--source",
            source,
            "--shard",
            "auto/2",
            "--jobs",
            "1",
            ...LIMITS,
          ],
          { cwd: ROOT, env: { ...process.env, JOB_COMPLETION_INDEX: String(i - 1) } },
        );
        let log = "";
        child.stdout.on("data", (d) => (log += d));
        child.stderr.on("data", (d) => (log += d));
        child.on("exit", (code) => (code === 0 ? resolve(log) : reject(new Error(log))));
      });
    const logs = await Promise.all([run(1), run(2)]);
    const counts = logs.map((l) => Number(/(\d+) student\(s\) in shard/.exec(l)?.[1]));
    assert.equal(counts[0] + counts[1], list.length, logs.join("\n"));
    const r = spawnSync(
      CLI[0],
      [...CLI.slice(1), "merge", at("shard1"), at("shard2"), "--out", at("merged")],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(batchFiles(at("merged")), whole);
    for (const s of list)
      assert.ok(fs.existsSync(path.join(at("merged"), "feedback", s.student, `${NAME}.html`)));
  });

  it("rerunning a finished batch executes nothing; changing one submission executes only that one", () => {
    const out = at("whole");
    const again = grade([subs, "--out", out, "--source", source]);
    assert.equal(again.graded, 0, again.log);
    assert.equal(again.reused, list.length);
    assert.doesNotMatch(again.log, /running the instructor/);
    assert.deepEqual(batchFiles(out), whole);

    const file = path.join(subs, "wrong-answers", `${NAME}.ipynb`);
    const nb = JSON.parse(fs.readFileSync(file, "utf8"));
    nb.cells.push({ cell_type: "markdown", id: "added", metadata: {}, source: "my notes" });
    fs.writeFileSync(file, JSON.stringify(nb));
    const changed = grade([subs, "--out", out, "--source", source]);
    assert.equal(changed.graded, 1, changed.log);
    assert.match(changed.log, /\[1\/1\] wrong-answers\/grader-ema/);
    assert.equal(changed.reused, list.length - 1);
  });

  it("merging results of different instructor notebooks is refused, naming them", () => {
    const other = path.join(tmp, "source2");
    fs.mkdirSync(other);
    const nb = JSON.parse(fs.readFileSync(INSTRUCTOR, "utf8"));
    nb.cells.push({ cell_type: "markdown", id: "extra", metadata: {}, source: "A new remark." });
    fs.writeFileSync(path.join(other, `${NAME}.ipynb`), JSON.stringify(nb));
    grade([subs, "--out", at("other"), "--source", other, "--student", "missing-notebook"]);
    const r = spawnSync(CLI[0], [...CLI.slice(1), "merge", at("shard1"), at("other"), "--out", at("bad")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    assert.equal(r.status, 1);
    assert.match(
      r.stderr,
      /cannot merge.*\n.*grader-ema: .*shard1 and .*other were graded with different instructor notebooks/,
    );
    assert.ok(!fs.existsSync(path.join(at("bad"), "grades.json")));
  });
});
