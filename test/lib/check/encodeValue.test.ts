import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { encodeValue } from "../../../lib/src/check/encodeValue";

describe("encodeValue", () => {
  it("encodeValue(Float64Array) keeps its type and numbers, NaN, infinities and -0 as strings", () => {
    assert.deepEqual(encodeValue(new Float64Array([1.5, NaN, -Infinity, -0])), {
      t: "Float64Array",
      v: [1.5, "NaN", "-Infinity", "-0"],
    });
  });

  it("encodeValue of arrays and plain objects recurses, object keys sorted", () => {
    assert.deepEqual(encodeValue([1, "a", { b: true, a: null }]), {
      t: "Array",
      v: [
        { t: "number", v: 1 },
        { t: "string", v: "a" },
        { t: "Object", v: { a: { t: "null" }, b: { t: "boolean", v: true } } },
      ],
    });
  });

  it("objects pretending to be numbers or arrays (valueOf, toPrimitive, thenables, Proxies, class instances) encode as other", () => {
    const right = new Float64Array([3, 5.5]);
    const pretenders: unknown[] = [
      { valueOf: () => 3, toString: () => "3", [Symbol.toPrimitive]: () => 3 },
      new Proxy(right, {}),
      new (class Fake extends Float64Array {})(2),
      new Map(),
      () => 3,
    ];
    assert.equal(encodeValue(pretenders[0]).t, "Object"); // a plain object stays an object, never a number
    pretenders.slice(1).forEach((p, i) => assert.equal(encodeValue(p).t, "other", `pretender ${i + 1}`));
  });

  it("encodeValue(undefined), bigint and symbol have their own tags", () => {
    assert.deepEqual(encodeValue(undefined), { t: "undefined" });
    assert.deepEqual(encodeValue(10n), { t: "bigint", v: "10" });
    assert.equal(encodeValue(Symbol("s")).t, "other");
  });
});
