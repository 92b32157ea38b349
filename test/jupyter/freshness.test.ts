import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fileSha256, libSha256, staleReason } from "../../jupyter/freshness";

describe("reusing executed copies (freshness)", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "site-freshness-"));
  fs.mkdirSync(path.join(root, "lib", "dist", "core"), { recursive: true });
  fs.writeFileSync(path.join(root, "lib", "dist", "index.js"), "exports.a = 1;\n");
  fs.writeFileSync(path.join(root, "lib", "dist", "core", "b.js"), "exports.b = 2;\n");
  const source = path.join(root, "lesson.ipynb");
  const executed = path.join(root, "executed.ipynb");
  fs.writeFileSync(source, '{"cells": []}\n');
  const write = (record: Record<string, unknown>) =>
    fs.writeFileSync(executed, JSON.stringify({ metadata: { course_execution: record }, cells: [] }));
  const lib = libSha256(root);
  const fresh = { ok: true, seconds: 3, source_sha256: fileSha256(source), lib_sha256: lib };

  it("hashes the library: path, NUL, bytes, NUL, in sorted path order", () => {
    const bytes = "lib/dist/core/b.js\0exports.b = 2;\n\0lib/dist/index.js\0exports.a = 1;\n\0";
    assert.equal(lib, createHash("sha256").update(bytes).digest("hex"));
  });

  it("reuses a passing execution of the same notebook with the same library", () => {
    write(fresh);
    assert.equal(staleReason(source, executed, lib), undefined);
  });

  it("executes again when the copy is missing, failed, lacks a hash, or notebook or library changed", () => {
    assert.equal(staleReason(source, path.join(root, "missing.ipynb"), lib), "no executed copy");
    write({ ...fresh, ok: false });
    assert.equal(staleReason(source, executed, lib), "the last execution failed");
    write({ ok: true, seconds: 3 });
    assert.equal(staleReason(source, executed, lib), "the executed copy records no source hash");
    write({ ...fresh, source_sha256: "0".repeat(64) });
    assert.equal(staleReason(source, executed, lib), "the notebook changed");
    write(fresh);
    assert.equal(staleReason(source, executed, "f".repeat(64)), "the library changed");
  });
});
