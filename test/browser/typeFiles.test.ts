import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { withoutComments } from "../../browser/typeFiles";

describe("declarations without their comments", () => {
  it("drops doc and line comments, keeps triple-slash directives, strings and template literal types", () => {
    const text = [
      '/// <reference types="node" />',
      "/** The doc. @param x a number */",
      'declare function f(x: number): "http://a/*b*/"; // trailing',
      "type T<A extends string> = `${A}//not a comment`;",
      "/* block */ export {};",
    ].join("\n");
    assert.equal(
      withoutComments(text, "t.d.ts"),
      [
        '/// <reference types="node" />',
        " ",
        'declare function f(x: number): "http://a/*b*/"; ',
        "type T<A extends string> = `${A}//not a comment`;",
        "  export {};",
      ].join("\n"),
    );
  });

  it("refuses a file whose syntax would change", () => {
    // A regular expression (no declaration file has one): the scanner alone takes `/*` for a comment.
    assert.throws(
      () => withoutComments("const r = /[/*]/; // x", "bad.ts"),
      /bad\.ts: removing its comments changed its syntax/,
    );
  });
});
