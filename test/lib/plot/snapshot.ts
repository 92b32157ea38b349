/**
 * Snapshot helper for figure builders (after Observable Plot's test harness): compares a figure's JSON with
 * __snapshots__/<name>.json; on a mismatch writes <name>-changed.json beside it and fails; when the
 * snapshot is absent, writes it and passes. Delete a snapshot (or rename -changed over it) to accept a change.
 */
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";

export const SNAPSHOTS = path.join(__dirname, "__snapshots__");

export function matchSnapshot(name: string, value: unknown): void {
  const file = path.join(SNAPSHOTS, `${name}.json`);
  const changed = path.join(SNAPSHOTS, `${name}-changed.json`);
  const actual = JSON.parse(JSON.stringify(value)) as unknown;
  const text = JSON.stringify(actual, null, 1) + "\n";
  if (!fs.existsSync(file)) {
    fs.mkdirSync(SNAPSHOTS, { recursive: true });
    fs.writeFileSync(file, text);
    fs.rmSync(changed, { force: true });
    return;
  }
  const expected = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  try {
    assert.deepEqual(actual, expected);
  } catch {
    fs.writeFileSync(changed, text);
    assert.fail(`${name} must match its snapshot ${file}; the new figure is in ${changed}`);
  }
  fs.rmSync(changed, { force: true });
}
