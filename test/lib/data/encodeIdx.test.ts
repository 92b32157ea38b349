import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { encodeIdx } from "../../../lib/src/data/encodeIdx";

describe("encodeIdx", () => {
  it("writes the zero magic, type 0x08, the dimension count, big-endian sizes, then the data", () => {
    assert.deepEqual([...encodeIdx([2], Uint8Array.of(7, 9))], [0, 0, 8, 1, 0, 0, 0, 2, 7, 9]);
    // 258 = 0x00000102
    assert.deepEqual([...encodeIdx([258], new Uint8Array(258)).subarray(0, 8)], [0, 0, 8, 1, 0, 0, 1, 2]);
  });

  it("rejects dimensions that do not match the data length", () => {
    assert.throws(() => encodeIdx([2, 2], new Uint8Array(3)), /IDX dimensions \[2, 2\] need 4 bytes, got 3/);
  });
});
