import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import { wasmAvailable, wasmMemory, wasmPath, wasmExports } from "../../../lib/src/core/wasmModule";

describe("wasmModule", () => {
  it("the committed kernels exist and validate", () => {
    for (const name of ["gemm", "adam32", "optimStep", "sparseLogistic"]) {
      assert.ok(fs.existsSync(wasmPath(name)), wasmPath(name));
      assert.equal(wasmAvailable(name), true);
    }
  });

  it("wasmMemory rounds up to whole 64 KiB pages", () => {
    assert.equal(wasmMemory(1).buffer.byteLength, 65536);
    assert.equal(wasmMemory(65537).buffer.byteLength, 131072);
  });

  it("a missing kernel is reported with its path", () => {
    assert.equal(wasmAvailable("nonexistent"), false);
    assert.throws(() => wasmExports("nonexistent", wasmMemory(1)), /kernel unavailable .*nonexistent\.wasm/);
  });
});
