import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { matchSnapshot, SNAPSHOTS } from "./snapshot";

const name = `snapshot-self-test-${process.pid}`;
const file = path.join(SNAPSHOTS, `${name}.json`);
const changed = path.join(SNAPSHOTS, `${name}-changed.json`);

describe("matchSnapshot", () => {
  after(() => {
    fs.rmSync(file, { force: true });
    fs.rmSync(changed, { force: true });
  });

  it("writes an absent snapshot and passes, then passes on the same figure", () => {
    matchSnapshot(name, { data: [{ y: [1, 2] }], layout: {} });
    assert.ok(fs.existsSync(file));
    matchSnapshot(name, { data: [{ y: [1, 2] }], layout: {} });
  });

  it("fails on a changed figure and writes <name>-changed.json beside the snapshot", () => {
    assert.throws(
      () => matchSnapshot(name, { data: [{ y: [1, 3] }], layout: {} }),
      /must match its snapshot/,
    );
    assert.deepEqual(JSON.parse(fs.readFileSync(changed, "utf8")).data[0].y, [1, 3]);
  });
});
