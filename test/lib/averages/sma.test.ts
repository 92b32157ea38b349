import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sma } from "../../../lib/src/averages/sma";

describe("sma", () => {
  it("sma with k = 2 on 3 8 6 5 1 7 9 0 8 4 is 5.5 7.0 5.5 3.0 4.0 8.0 4.5 4.0 6.0 (SYLLABUS §4)", () => {
    const data = Float64Array.of(3, 8, 6, 5, 1, 7, 9, 0, 8, 4);
    assert.deepEqual([...sma(data, 2)], [5.5, 7, 5.5, 3, 4, 8, 4.5, 4, 6]);
  });

  it("sma writes into and returns out; a window longer than the data gives no values", () => {
    const out = new Float64Array(3);
    assert.equal(sma(Float64Array.of(1, 2, 3, 4), 2, out), out);
    assert.deepEqual([...out], [1.5, 2.5, 3.5]);
    assert.equal(sma(Float64Array.of(1, 2), 3).length, 0);
  });

  it("sma's running sum stays exact on a long series of mixed magnitudes", () => {
    const n = 20000;
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = (i % 7) * 1e8 + (i % 3) * 1e-8;
    const k = 50;
    const got = sma(data, k);
    for (const i of [0, 777, n - k]) {
      let s = 0;
      for (let j = i; j < i + k; j++) s += data[j];
      assert.ok(Math.abs(got[i] - s / k) <= 1e-15 * Math.abs(s / k), `i=${i}`);
    }
  });

  it("sma throws on a window of 0 and on NaN data, naming the entry", () => {
    assert.throws(() => sma(Float64Array.of(1), 0), /Invalid window: 0/);
    assert.throws(() => sma(Float64Array.of(1, NaN), 1), /Invalid data: entry 1 is NaN/);
  });
});
