import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { tokenize, compareCodePoints } from "../../../lib/src/sparse/tokenize";

describe("tokenize", () => {
  it("lowercases and keeps runs of two or more word characters, as sklearn's token_pattern", () => {
    assert.deepEqual(tokenize("Free FREE money!! e-mail a_b 42 x"), [
      "free",
      "free",
      "money",
      "mail",
      "a_b",
      "42",
    ]);
  });

  it("treats Unicode letters and digits as word characters", () => {
    assert.deepEqual(tokenize("Größe café naïve 東京 ٣٤"), ["größe", "café", "naïve", "東京", "٣٤"]);
  });

  it("appends to the output array and returns it", () => {
    const out = ["x"];
    assert.equal(tokenize("ab cd", out), out);
    assert.deepEqual(out, ["x", "ab", "cd"]);
  });
});

describe("compareCodePoints", () => {
  it("orders by code point like Python: U+FF01 before U+1F600", () => {
    const words = ["\u{1F600}", "\uFF01", "b", "a", "ab"];
    assert.deepEqual(words.sort(compareCodePoints), ["a", "ab", "b", "\uFF01", "\u{1F600}"]);
  });
});
