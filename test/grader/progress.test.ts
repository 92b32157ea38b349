import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { duration, Progress } from "../../grader/progress";

describe("progress", () => {
  it("prints one line per notebook with its count and the time left, none after the last", () => {
    const lines: string[] = [];
    const p = new Progress(2, (t) => lines.push(t), false);
    p.step("a/nb: 2/2 (1.0 s)");
    p.step("b/nb: 0/2 (1.0 s)");
    p.end();
    assert.match(lines[0], /^\[1\/2\] a\/nb: 2\/2 \(1\.0 s\), about \d+ s left\n$/);
    assert.equal(lines[1], "[2/2] b/nb: 0/2 (1.0 s)\n");
  });

  it("keeps a bar on the last line of a terminal", () => {
    const out: string[] = [];
    const p = new Progress(4, (t) => out.push(t), true);
    p.step("a/nb");
    p.end();
    // eslint-disable-next-line no-control-regex
    assert.match(out.join(""), /\[1\/4\] a\/nb.*\n\r\x1b\[K\[#{8}-{22}\] 1\/4/);
  });

  it("says durations in seconds, minutes or hours", () => {
    assert.deepEqual([duration(42), duration(600), duration(36000)], ["42 s", "10 min", "10.0 h"]);
  });
});
