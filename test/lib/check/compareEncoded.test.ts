import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { compareEncoded } from "../../../lib/src/check/compareEncoded";
import { encodeValue } from "../../../lib/src/check/encodeValue";

const cmp = (e: unknown, a: unknown, tol = 0) => compareEncoded(encodeValue(e), encodeValue(a), tol);

describe("compareEncoded", () => {
  it("equal arrays agree; the first difference is named with its index, expected and actual", () => {
    assert.equal(cmp(new Float64Array([3, 5.5, 5.75]), new Float64Array([3, 5.5, 5.75])), null);
    assert.equal(
      cmp(new Float64Array([3, 5.5, 5.75]), new Float64Array([3, 9.5, 5.75])),
      "at [1]: expected 5.5, got 9.5",
    );
  });

  it("numbers within tol agree, beyond it they do not (absolute tolerance)", () => {
    assert.equal(cmp(0.3, 0.1 + 0.2, 1e-12), null);
    assert.equal(cmp(0.3, 0.1 + 0.2), "expected 0.3, got 0.30000000000000004");
    assert.match(cmp(1, 1.1, 0.05)!, /expected 1, got 1.1/);
  });

  it("NaN equals only NaN, even with a huge tol", () => {
    assert.equal(cmp(NaN, NaN), null);
    assert.notEqual(cmp(1, NaN, 1e9), null);
    assert.notEqual(cmp(NaN, 1, 1e9), null);
  });

  it("types must match exactly: Array is not Float64Array, a string is not a number", () => {
    assert.match(cmp(new Float64Array([1]), [1])!, /expected Float64Array .* got Array/);
    assert.match(cmp(3, "3")!, /expected number 3, got string "3"/);
  });

  it("lengths and object keys must match", () => {
    assert.equal(cmp([1, 2], [1]), "expected length 2, got 1");
    assert.match(cmp({ a: 1 }, { a: 1, b: 2 })!, /expected keys a, got a, b/);
    assert.equal(cmp({ x: [1, 2] }, { x: [1, 3] }), "at .x[1]: expected 2, got 3");
  });

  it("values that pretend to be equal never agree with a number or an array", () => {
    const right = new Float64Array([3, 5.5]);
    assert.notEqual(cmp(right, new Proxy(right, {})), null);
    assert.notEqual(cmp(3, { valueOf: () => 3, [Symbol.toPrimitive]: () => 3 }), null);
    assert.notEqual(cmp(right, { then: (r: (x: unknown) => void) => r(right) }), null);
  });
});
