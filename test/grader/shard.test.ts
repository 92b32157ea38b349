import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseShard, shardOf } from "../../grader/shard";

describe("shards", () => {
  const students = Array.from({ length: 400 }, (_, i) => `s${i}`);

  it("split the students into balanced shards by id, each student in one", () => {
    const sizes = [0, 0, 0, 0];
    for (const s of students) sizes[shardOf(s, 4) - 1]++;
    assert.equal(
      sizes.reduce((a, b) => a + b),
      400,
    );
    for (const n of sizes) assert.ok(n > 70 && n < 130, `shard sizes ${sizes}`);
  });

  it("keep every student in its shard when others are added", () => {
    const before = students.map((s) => shardOf(s, 4));
    const after = [...students, "late-1", "late-2"].map((s) => shardOf(s, 4));
    assert.deepEqual(after.slice(0, 400), before);
  });

  it("read I/N, and auto/N from Slurm, a Kubernetes Indexed Job or GRADER_SHARD", () => {
    assert.deepEqual(parseShard("2/3", {}), { index: 2, count: 3 });
    assert.deepEqual(parseShard("auto/8", { SLURM_ARRAY_TASK_ID: "3" }), { index: 3, count: 8 });
    assert.deepEqual(parseShard("auto/8", { SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_MIN: "0" }), {
      index: 4,
      count: 8,
    });
    assert.deepEqual(parseShard("auto/8", { JOB_COMPLETION_INDEX: "0" }), { index: 1, count: 8 });
    assert.deepEqual(parseShard("auto/4", { GRADER_SHARD: "4" }), { index: 4, count: 4 });
  });

  it("refuse a shard out of range or no index, naming the source", () => {
    assert.throws(() => parseShard("0/3", {}), /Invalid shard 0\/3 \(from --shard\)/);
    assert.throws(() => parseShard("4/3", {}), /expected 1 to 3/);
    assert.throws(() => parseShard("1-3", {}), /expected I\/N/);
    assert.throws(() => parseShard("auto/3", {}), /no shard index in the environment/);
    assert.throws(() => parseShard("auto/3", { JOB_COMPLETION_INDEX: "3" }), /from JOB_COMPLETION_INDEX/);
  });
});
