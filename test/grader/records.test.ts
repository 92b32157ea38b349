import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isEncoded, readRecords } from "../../grader/records";

const v = (x: number) => ({ value: { t: "number", v: x } });

describe("reading check records (untrusted data from the learner's kernel)", () => {
  it("isEncoded accepts well-formed encodings and rejects extra keys, wrong types and unknown tags", () => {
    assert.ok(isEncoded({ t: "Float64Array", v: [1, "NaN"] }));
    assert.ok(isEncoded({ t: "Object", v: { a: { t: "null" } } }));
    assert.ok(!isEncoded({ t: "number", v: 1, extra: 2 }));
    assert.ok(!isEncoded({ t: "number", v: "1" }));
    assert.ok(!isEncoded({ t: "Float64Array", v: [{}] }));
    assert.ok(!isEncoded({ t: "Function", v: "x" }));
  });

  it("readRecords collects the cases of records carrying the cell's nonce and question", () => {
    const r = readRecords(
      [{ nonce: "n", question: "q", cases: [{ name: "a", actual: v(1) }] }],
      "q",
      new Set(["a"]),
      "n",
    );
    assert.ok("cases" in r && r.cases.get("a")!.actual);
  });

  it("readRecords calls tampering: another nonce, another question, an unknown case, a case twice, a malformed value", () => {
    const known = new Set(["a"]);
    const rec = (x: object) => ({ nonce: "n", question: "q", cases: [{ name: "a", actual: v(1) }], ...x });
    assert.ok("tampered" in readRecords([rec({ nonce: "guess" })], "q", known, "n"));
    assert.ok("tampered" in readRecords([rec({ question: "other" })], "q", known, "n"));
    assert.ok("tampered" in readRecords([rec({ cases: [{ name: "b", actual: v(1) }] })], "q", known, "n"));
    assert.ok("tampered" in readRecords([rec({}), rec({})], "q", known, "n"));
    assert.ok(
      "tampered" in readRecords([rec({ cases: [{ name: "a", actual: { value: 3 } }] })], "q", known, "n"),
    );
  });
});
