import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { joinPath, nodePlatform, platform, setPlatform } from "../../../lib/src/core/platform";
import type { Platform } from "../../../lib/src/core/platform";
import { loadAirfoil } from "../../../lib/src/data/loadAirfoil";
import { readIdx } from "../../../lib/src/data/readIdx";

const ROOT = path.resolve(__dirname, "..", "..", "..");

describe("platform", () => {
  afterEach(() => setPlatform(null));

  it("Node's resolves the course's data in the @dlopt/datasets package and lib's kernels in @dlopt/lib", () => {
    assert.equal(platform(), nodePlatform);
    assert.equal(
      fs.realpathSync(nodePlatform.resolve("@dlopt/datasets/airfoil_self_noise.dat")),
      path.join(ROOT, "datasets", "airfoil_self_noise.dat"),
    );
    assert.equal(
      fs.realpathSync(nodePlatform.resolve("@dlopt/lib/wasm/gemm.wasm")),
      path.join(ROOT, "lib", "wasm", "gemm.wasm"),
    );
    assert.match(nodePlatform.cacheDir(), /node_modules[\\/]\.cache[\\/]dlopt$/);
  });

  it("Node's writes whole files, from text, bytes or chunks, creating the folders", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "platform-"));
    try {
      const file = joinPath(dir, "a", "b", "c.txt");
      nodePlatform.writeFile(file, ["one ", new TextEncoder().encode("two")]);
      assert.equal(new TextDecoder().decode(nodePlatform.readFile(file)), "one two");
      nodePlatform.writeFile(file, "three");
      assert.deepEqual(fs.readdirSync(path.dirname(file)), ["c.txt"], "no temporary file left");
      assert.equal(
        [...nodePlatform.readChunks(file)].map((c) => new TextDecoder().decode(c)).join(""),
        "three",
      );
      assert.ok(nodePlatform.exists(file) && !nodePlatform.exists(joinPath(dir, "nothing")));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a platform set with setPlatform serves the loaders (how the browser edition supplies files)", () => {
    const files: Record<string, Uint8Array> = {
      "/data/airfoil_self_noise.dat": new TextEncoder().encode(
        "800\t0\t0.3\t71.3\t0.002\t126\n1000\t1\t0.2\t39.6\t0.003\t125\n",
      ),
    };
    const read: string[] = [];
    const fake: Platform = {
      ...nodePlatform,
      readFile: (file) => {
        read.push(file);
        if (!(file in files)) throw new Error(`no ${file}`);
        return files[file];
      },
      exists: (file) => file in files,
      resolve: (specifier) => specifier.replace("@dlopt/datasets", "/data"),
    };
    setPlatform(fake);
    const { X, y } = loadAirfoil({ rows: 2 });
    assert.deepEqual(read, ["/data/airfoil_self_noise.dat"]);
    assert.deepEqual([X.rows, X.cols, y.length], [2, 5, 2]);
    assert.throws(
      () => readIdx("/data/none.gz"),
      /Cannot read IDX file \/data\/none\.gz: no \/data\/none\.gz/,
    );
    setPlatform(null);
    assert.equal(platform(), nodePlatform);
  });

  it("joinPath joins with one separator", () => {
    assert.equal(joinPath("/a/", "b", "/c/"), "/a/b/c");
    assert.equal(joinPath("a", "", "b"), "a/b");
  });
});
