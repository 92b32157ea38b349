import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { formatNumber, tableHtml } from "../../../lib/src/display/tableHtml";

describe("tableHtml", () => {
  it("tableHtml({ t, x }) writes one row per index with the column names as headers", () => {
    const html = tableHtml({ t: [0, 1], x: [70, 56] });
    assert.match(html, /<th>t<\/th><th>x<\/th>/);
    assert.match(html, /<tr><th>1<\/th><td>1<\/td><td>56<\/td><\/tr>/);
  });

  it("tableHtml accepts a DataFrame-like { columns, values }", () => {
    const html = tableHtml({ columns: ["a"], values: [[1.5], [2]] }, { index: false });
    assert.match(html, /<tr><td>1.5<\/td><\/tr><tr><td>2<\/td><\/tr>/);
  });

  it("tableHtml escapes HTML in cells and captions", () => {
    assert.match(tableHtml({ s: ["<b>"] }, { caption: "a<b" }), /&lt;b&gt;.*|a&lt;b/);
  });

  it("formatNumber keeps integers whole, rounds others to 6 significant digits, uses exponents for tiny values", () => {
    assert.equal(formatNumber(70), "70");
    assert.equal(formatNumber(44.800000000000004), "44.8");
    assert.equal(formatNumber(8.6e-96), "8.6e-96");
    assert.equal(formatNumber(NaN), "NaN");
  });
});
