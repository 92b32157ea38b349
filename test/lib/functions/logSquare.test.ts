import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { logSquare } from "../../../lib/src/functions/logSquare";

/** The slide's run: x0 = 9, lr 10; returns [f'(x0), x1, f'(x1), x2, f'(x2), x3, f'(x3), x4]. */
function slideRun(c: number): number[] {
  const fn = logSquare(c);
  const x = Float64Array.of(9);
  const g = new Float64Array(1);
  const out: number[] = [];
  for (let t = 0; t < 4; t++) {
    out.push(fn.grad(x, g)[0]);
    x[0] -= 10 * g[0];
    out.push(x[0]);
  }
  return out;
}

// The slide's printed values, and the number of decimals each is printed with.
const SLIDE = [0.22, 6.77, 0.295, 3.82, 0.52, -1.39, -1.429, 12.89];
const DIGITS = [2, 2, 3, 2, 2, 2, 3, 2];
const truncated = (v: number, d: number) => Math.trunc(v * 10 ** d) / 10 ** d;

describe("logSquare", () => {
  it("with the default c = 0.001 the slide's run x0 = 9, lr 10 gives 6.77, 3.82, -1.39, 12.89 (truncated)", () => {
    const run = slideRun(0.001);
    run.forEach((v, i) => assert.equal(truncated(v, DIGITS[i]), SLIDE[i], `value ${i}: ${v}`));
  });

  it("the slide's numbers hold for c below 0.004 and fail from c = 0.004 (f'(x3) becomes -1.428)", () => {
    for (const c of [1e-9, 0.002, 0.0039]) {
      slideRun(c).forEach((v, i) => assert.equal(truncated(v, DIGITS[i]), SLIDE[i], `c=${c}, value ${i}`));
    }
    assert.equal(truncated(slideRun(0.004)[6], 3), -1.428);
  });

  it("the gradient 2x/(x^2 + c) peaks at 1/sqrt(c) at x = sqrt(c): large near the optimum", () => {
    const fn = logSquare(0.01);
    assert.ok(Math.abs(fn.grad(Float64Array.of(0.1), new Float64Array(1))[0] - 10) < 1e-12);
    assert.equal(fn.f(Float64Array.of(0)), Math.log(0.01));
  });
});
