import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadAirfoil } from "../../../lib/src/data/loadAirfoil";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "airfoil-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("loadAirfoil", () => {
  it("keeps the first 1,500 of 1,503 rows with 5 features, as D2L's get_data_ch11", () => {
    const { X, y, mean, std } = loadAirfoil();
    assert.deepEqual([X.rows, X.cols, y.length, mean.length, std.length], [1500, 5, 1500, 6, 6]);
    // The first row of the file: 800 Hz, angle 0, chord 0.3048, velocity 71.3, thickness 0.00266337, 126.201 dB.
    assert.ok(Math.abs(X.data[0] * std[0] + mean[0] - 800) < 1e-9);
    assert.ok(Math.abs(y[0] * std[5] + mean[5] - 126.201) < 1e-9);
  });

  it("standardizes every column over all 1,503 rows with the population standard deviation", () => {
    const all = loadAirfoil({ rows: 1503 });
    for (let j = 0; j < 5; j++) {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < 1503; i++) {
        s += all.X.data[i * 5 + j];
        s2 += all.X.data[i * 5 + j] ** 2;
      }
      assert.ok(Math.abs(s / 1503) < 1e-12, `column ${j} mean`);
      assert.ok(Math.abs(s2 / 1503 - 1) < 1e-12, `column ${j} variance`);
    }
    // The mean frequency of the UCI data set is 2886.38 Hz.
    assert.ok(Math.abs(all.mean[0] - 2886.38) < 0.01);
  });

  it("names the file and the line of a malformed row", () => {
    const file = path.join(dir, "bad.dat");
    fs.writeFileSync(file, "1\t2\t3\t4\t5\t6\n1\t2\t3\t4\t5\n");
    assert.throws(
      () => loadAirfoil({ file, rows: 1 }),
      new RegExp(`bad\\.dat:2: expected 6 fields, found 5`),
    );
    fs.writeFileSync(file, "1\t2\t3\t4\t5\t6\n1\t2\tx\t4\t5\t6\n");
    assert.throws(() => loadAirfoil({ file, rows: 1 }), /bad\.dat:2: not a number: "x"/);
  });

  it("refuses more rows than the file has", () => {
    assert.throws(() => loadAirfoil({ rows: 2000 }), /Invalid number of rows: 2000 \(.*has 1503\)/);
  });

  it("rejects an unknown option, naming it (a misspelt path would otherwise load the default file)", () => {
    assert.throws(() => loadAirfoil({ path: "x.dat" } as never), {
      message: "loadAirfoil got an unexpected option: path (expected one of rows, file)",
    });
  });
});
