import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { TestFunction } from "../../../lib/src/core/types";
import { gradcheck } from "../../../lib/src/functions/gradcheck";
import {
  functionByName,
  GOLDEN_FUNCTION_NAMES,
  LECTURE_FUNCTION_NAMES,
} from "../../../lib/src/functions/functionByName";
import { quadratic } from "../../../lib/src/functions/quadratic";
import { scaledSquare } from "../../../lib/src/functions/scaledSquare";
import { logSquare } from "../../../lib/src/functions/logSquare";
import { randomOrthogonal } from "../../../lib/src/linalg/randomOrthogonal";
import { seeded } from "../../../lib/src/core/random";

/** Every TestFunction of the library (extended as functions are added), with a box to sample points in. */
function allTestFunctions(): TestFunction[] {
  return [
    ...[...GOLDEN_FUNCTION_NAMES, ...LECTURE_FUNCTION_NAMES].map((n) => functionByName(n)),
    scaledSquare(9),
    logSquare(0.5),
    quadratic(randomOrthogonal(4, seeded(2)), Float64Array.of(1, 2, 3, 4)),
  ];
}

function pointsFor(fn: TestFunction, count: number, seed: number): Float64Array[] {
  const rng = seeded(seed);
  const dim = fn.dim === 0 ? 3 : fn.dim;
  const box = fn.domain ?? [[-2, 2]];
  const pts: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const x = new Float64Array(dim);
    for (let i = 0; i < dim; i++) {
      const [lo, hi] = box[Math.min(i, box.length - 1)];
      x[i] = lo + (hi - lo) * rng.uniform();
    }
    pts.push(x);
  }
  return pts;
}

describe("gradcheck", () => {
  it("every test function's analytic gradient passes gradcheck at 5 seeded points of its domain", () => {
    for (const fn of allTestFunctions()) {
      for (const x of pointsFor(fn, 5, 11)) {
        const r = gradcheck(fn, x, { tol: 1e-6 });
        assert.ok(r.ok, `${fn.name} at ${[...x]}: max error ${r.maxError}`);
      }
    }
  });

  it("every Hessian given equals central differences of the gradient (to 1e-6)", () => {
    for (const fn of allTestFunctions()) {
      if (!fn.hessian) continue;
      for (const x of pointsFor(fn, 3, 12)) {
        const n = x.length;
        const H = fn.hessian(x, new Float64Array(n * n));
        for (let j = 0; j < n; j++) {
          // Column j of the Hessian is the gradient of ∂f/∂x_j: check it with gradcheck on that component.
          const r = gradcheck(
            {
              f: (y) => fn.grad(y, new Float64Array(n))[j],
              grad: (_y, out) => {
                for (let i = 0; i < n; i++) out[i] = H[j * n + i];
                return out;
              },
            },
            x,
          );
          assert.ok(r.ok, `${fn.name} Hessian row ${j} at ${[...x]}: ${r.maxError}`);
        }
      }
    }
  });

  it("gradcheck catches a wrong gradient and reports the coordinate", () => {
    const wrong = {
      f: (x: Float64Array) => x[0] * x[0] + x[1],
      grad: (x: Float64Array, out: Float64Array) => {
        out[0] = 2 * x[0];
        out[1] = 2; // should be 1
        return out;
      },
    };
    const r = gradcheck(wrong, Float64Array.of(1, 1));
    assert.equal(r.ok, false);
    assert.ok(r.entries[0].error < 1e-8);
    assert.ok(Math.abs(r.entries[1].numeric - 1) < 1e-8);
    assert.equal(r.maxError, r.entries[1].error);
  });

  it("gradcheck leaves x unchanged and fails on a NaN gradient", () => {
    const x = Float64Array.of(0.5, 0.25);
    const nan = {
      f: (y: Float64Array) => y[0],
      grad: (_y: Float64Array, out: Float64Array) => out.fill(NaN),
    };
    assert.equal(gradcheck(nan, x).ok, false);
    assert.deepEqual([...x], [0.5, 0.25]);
  });

  it("gradcheck throws on a bad step or an empty point", () => {
    const fn = functionByName("square");
    assert.throws(() => gradcheck(fn, Float64Array.of(1), { h: 0 }), /Invalid step h: 0/);
    assert.throws(() => gradcheck(fn, new Float64Array(0)), /at least 1 coordinate/);
  });
});
