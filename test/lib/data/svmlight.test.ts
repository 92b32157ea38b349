import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseSvmlight, readSvmlight, writeSvmlight } from "../../../lib/src/data/svmlight";
import { csrFromDense, csrValidate } from "../../../lib/src/sparse/csr";
import { seeded } from "../../../lib/src/core/random";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "svmlight-test-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("parseSvmlight", () => {
  it("reads labels, 1-based indices, qid and comments", () => {
    const { X, y } = parseSvmlight("+1 qid:3 1:0.5 3:2 # a comment\n\n# only a comment\n-1 2:1e-3\n");
    assert.deepEqual([...y], [1, -1]);
    assert.equal(X.cols, 3);
    assert.deepEqual([...X.indptr], [0, 2, 3]);
    assert.deepEqual([...X.indices], [0, 2, 1]);
    assert.deepEqual([...X.data], [0.5, 2, 0.001]);
  });

  it("maps +1/-1 labels to 1/0 with binary: true and honours nFeatures and zeroBased", () => {
    const { X, y } = parseSvmlight("1 0:1\n-1 4:1\n", { binary: true, zeroBased: true, nFeatures: 10 });
    assert.deepEqual([...y], [1, 0]);
    assert.equal(X.cols, 10);
    assert.deepEqual([...X.indices], [0, 4]);
  });

  it("rejects malformed lines, naming the file and the line", () => {
    const bad: [string, RegExp][] = [
      ["1 1:1\n1 0:1\n", /rcv1_train\.binary:2: feature index 0 is not >= 1/],
      ["1 1:1\n\nx 1:1\n", /rcv1_train\.binary:3: invalid label 'x'/],
      ["1 3:1 2:1\n", /rcv1_train\.binary:1: feature index 2 after 3 \(indices must increase/],
      ["1 3:1 3:2\n", /rcv1_train\.binary:1: feature index 3 after 3/],
      ["1 1:1\n1 2:abc\n", /rcv1_train\.binary:2: invalid value 'abc' for feature 2/],
      ["1 2:nan\n", /rcv1_train\.binary:1: invalid value 'nan' for feature 2/],
      ["1 2\n", /rcv1_train\.binary:1: expected <index>:<value>, got '2'/],
      ["1 1.5:1\n", /rcv1_train\.binary:1: invalid feature index '1\.5'/],
      ["1 11:1\n", /rcv1_train\.binary:1: feature index 11 is beyond nFeatures = 10/],
    ];
    for (const [text, message] of bad) {
      assert.throws(() => parseSvmlight(text, { nFeatures: 10 }, "rcv1_train.binary"), message);
    }
  });
});

describe("readSvmlight and writeSvmlight", () => {
  it("a random sparse data set survives a write/read round trip exactly", () => {
    const rows = 200;
    const cols = 300;
    const rng = seeded(11);
    const dense = new Float64Array(rows * cols);
    for (let k = 0; k < dense.length; k++) if (rng.uniform() < 0.05) dense[k] = rng.normal() / 3;
    const X = csrFromDense(rows, cols, dense);
    const y = Float64Array.from({ length: rows }, () => (rng.uniform() < 0.5 ? 1 : -1));
    const file = path.join(dir, "round.svm");
    writeSvmlight(file, X, y);
    const back = readSvmlight(file, { nFeatures: cols });
    csrValidate(back.X);
    assert.deepEqual(back.y, y);
    assert.deepEqual(back.X, X);
  });

  it("streams files larger than one 1 MiB chunk, with lines split across chunks", () => {
    const rows = 20000;
    const cols = 1000;
    const rng = seeded(12);
    const r: number[] = [];
    const dense = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      for (let t = 0; t < 5; t++) dense[i * cols + rng.int(cols)] = rng.uniform();
      r.push(i % 2);
    }
    const X = csrFromDense(rows, cols, dense);
    const file = path.join(dir, "big.svm");
    writeSvmlight(file, X, r);
    assert.ok(fs.statSync(file).size > 2 << 20);
    const back = readSvmlight(file, { nFeatures: cols });
    assert.deepEqual(back.X, X);
    assert.deepEqual([...back.y], r);
  });

  it("reports the line of a bad entry far into a file", () => {
    const lines = Array.from({ length: 50000 }, () => "1 1:0.5 7:0.25");
    lines[41999] = "-1 5:1 0:2";
    const file = path.join(dir, "rcv1_train.binary");
    fs.writeFileSync(file, lines.join("\r\n") + "\r\n");
    assert.throws(
      () => readSvmlight(file),
      new RegExp(`${file.replace(/[.\\/]/g, "\\$&")}:42000: feature index 0 is not >= 1`),
    );
  });
});
