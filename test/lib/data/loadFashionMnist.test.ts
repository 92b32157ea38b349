import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import {
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_DEBIAN_PATH,
  loadFashionMnist,
} from "../../../lib/src/data/loadFashionMnist";
import { encodeIdx } from "../../../lib/src/data/encodeIdx";
import { NO_FASHION_MNIST } from "../../support/optional";

describe("loadFashionMnist", () => {
  it("the shipped subset has 600 training and 100 test images per class, pixels in [0, 1]", () => {
    const data = loadFashionMnist({ subset: true });
    assert.equal(data.source, "subset");
    assert.equal(data.train.count, 6000);
    assert.equal(data.test.count, 1000);
    assert.equal(data.train.images.length, 6000 * 28 * 28);
    const perClass = new Array(10).fill(0);
    for (const y of data.train.labels) perClass[y]++;
    assert.deepEqual(perClass, new Array(10).fill(600));
    let min = Infinity;
    let max = -Infinity;
    for (const v of data.test.images) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assert.equal(min, 0);
    assert.equal(max, 1);
    assert.equal(FASHION_MNIST_CLASSES.length, 10);
  });

  it(
    "with no options it uses Debian's full set when installed and says so",
    { skip: !fs.existsSync(FASHION_MNIST_DEBIAN_PATH) && NO_FASHION_MNIST },
    () => {
      const data = loadFashionMnist();
      assert.equal(data.source, "full");
      assert.equal(data.train.count, 60000);
      assert.equal(data.test.count, 10000);
    },
  );

  it("a path the learner gives must exist: no silent fallback", () => {
    assert.throws(
      () => loadFashionMnist({ path: "/nonexistent/fmnist" }),
      /Fashion-MNIST folder not found: \/nonexistent\/fmnist/,
    );
  });

  it("a label out of range is reported with its file and byte offset", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fmnist-"));
    const put = (name: string, dims: number[], data: Uint8Array) =>
      fs.writeFileSync(path.join(dir, name), zlib.gzipSync(encodeIdx(dims, data)));
    put("train-images-idx3-ubyte.gz", [2, 2, 2], new Uint8Array(8));
    put("train-labels-idx1-ubyte.gz", [2], Uint8Array.of(3, 12));
    put("t10k-images-idx3-ubyte.gz", [1, 2, 2], new Uint8Array(4));
    put("t10k-labels-idx1-ubyte.gz", [1], Uint8Array.of(0));
    // labels start after the 8-byte header: the second label is at offset 9
    assert.throws(
      () => loadFashionMnist({ path: dir }),
      /train-labels-idx1-ubyte\.gz: offset 9: label 12 is not in 0\.\.9/,
    );
  });
});
