import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { parseIdx, readIdx } from "../../../lib/src/data/readIdx";
import { encodeIdx } from "../../../lib/src/data/encodeIdx";

function tempFile(name: string, bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idx-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe("readIdx", () => {
  it("parseIdx reads the dimensions big-endian and the bytes after the header", () => {
    // magic 0 0, type 8, 2 dims; 2 = 0x00000002, 3 = 0x00000003; then 6 data bytes
    const bytes = Uint8Array.of(0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6);
    const idx = parseIdx(bytes);
    assert.deepEqual(idx.dims, [2, 3]);
    assert.deepEqual([...idx.data], [1, 2, 3, 4, 5, 6]);
  });

  it("encodeIdx is the inverse of parseIdx", () => {
    const data = Uint8Array.from({ length: 24 }, (_, i) => (i * 37) % 256);
    const idx = parseIdx(encodeIdx([2, 3, 4], data));
    assert.deepEqual(idx.dims, [2, 3, 4]);
    assert.deepEqual([...idx.data], [...data]);
  });

  it("readIdx reads gzip-compressed and plain files alike", () => {
    const bytes = encodeIdx([3], Uint8Array.of(9, 8, 7));
    assert.deepEqual(readIdx(tempFile("a.gz", zlib.gzipSync(bytes))).dims, [3]);
    assert.deepEqual([...readIdx(tempFile("a", bytes)).data], [9, 8, 7]);
  });

  it("a bad magic number is reported with the file and offset 0", () => {
    assert.throws(
      () => parseIdx(Uint8Array.of(1, 0, 8, 1, 0, 0, 0, 0), "x.idx"),
      /x\.idx: offset 0: bad IDX magic 0x0100/,
    );
  });

  it("an unsupported type byte is reported at offset 2", () => {
    assert.throws(
      () => parseIdx(Uint8Array.of(0, 0, 0x0d, 1, 0, 0, 0, 0), "f.idx"),
      /f\.idx: offset 2: IDX type 0x0d/,
    );
  });

  it("truncated data is reported with the offset where data starts and both byte counts", () => {
    const bytes = encodeIdx([4], Uint8Array.of(1, 2, 3, 4)).subarray(0, 10);
    assert.throws(
      () => parseIdx(bytes, "t.idx"),
      /t\.idx: offset 8: dimensions \[4\] need 4 bytes of data, found 2/,
    );
  });

  it("a corrupt gzip file and a missing file are reported by name", () => {
    const bad = tempFile("bad.gz", Uint8Array.of(0x1f, 0x8b, 1, 2, 3));
    assert.throws(() => readIdx(bad), /bad\.gz: not a valid gzip file/);
    assert.throws(() => readIdx("/nonexistent/x.gz"), /Cannot read IDX file \/nonexistent\/x\.gz/);
  });
});
