import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const repoRoot = path.resolve(__dirname, "..", "..");
const script = path.join(repoRoot, "scripts", "golden.ts");

function run(...files: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", script, ...files], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  const lines = r.stdout.trim().split("\n");
  return { status: r.status, lines, last: lines[lines.length - 1] };
}

describe("scripts/golden.ts", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golden-cli-"));
  const write = (name: string, doc: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof doc === "string" ? doc : JSON.stringify(doc));
    return file;
  };
  const good = {
    format: "optim-golden/1",
    reference: "hand",
    cases: [
      {
        id: "sgd",
        optimizer: "SGD",
        options: { lr: 0.1 },
        function: "square",
        x0: [70],
        steps: 2,
        loss: [4900, 3136],
        trajectory: [[70], [56], [44.8]],
      },
    ],
    schedules: [
      {
        id: "step",
        scheduler: "StepLR",
        lr: 0.2,
        options: { step_size: 1, gamma: 0.5 },
        steps: 2,
        lrs: [0.2, 0.1],
      },
    ],
  };

  it("prints a line per case and the summary, and exits 0 when everything agrees", () => {
    const r = run(write("good.json", good));
    assert.equal(r.status, 0);
    assert.ok(r.lines.some((l) => /ok +case +sgd/.test(l)));
    assert.match(r.last, /^golden: 1 cases, 1 schedules, max error \S+, failed 0$/);
  });

  it("exits 1 for an unsupported optimizer, naming it", () => {
    const r = run(write("lbfgs.json", { ...good, cases: [{ ...good.cases[0], optimizer: "LBFGS" }] }));
    assert.equal(r.status, 1);
    assert.ok(r.lines.some((l) => /FAIL.*Unknown optimizer: LBFGS/.test(l)));
    assert.match(r.last, /failed 1$/);
  });

  it("exits 1 for a malformed file, naming the file and the problem", () => {
    const file = write("bad.json", { ...good, cases: [{ ...good.cases[0], steps: 3 }] });
    const r = run(file);
    assert.equal(r.status, 1);
    assert.ok(
      r.lines.some((l) => l.includes(file) && l.includes("cases[0].trajectory has length 3, expected 4")),
    );
    const broken = run(write("broken.json", "{ not json"));
    assert.equal(broken.status, 1);
    assert.ok(broken.lines.some((l) => l.includes("broken.json: malformed")));
  });

  it("exits 2 without arguments", () => {
    assert.equal(run().status, 2);
  });
});
