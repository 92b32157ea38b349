import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { newton } from "../../../lib/src/optim/newton";
import { d2lQuadratic } from "../../../lib/src/functions/d2lQuadratic";
import { tiltedDoubleWell } from "../../../lib/src/functions/tiltedDoubleWell";
import { rosenbrock } from "../../../lib/src/functions/rosenbrock";
import { saddle } from "../../../lib/src/functions/saddle";
import { xCosPiX } from "../../../lib/src/functions/xCosPiX";

describe("newton", () => {
  it("newton reaches the minimum of a convex quadratic in one step", () => {
    const run = newton(d2lQuadratic, [-5, -2], { steps: 1 });
    assert.deepEqual(Array.from(run.xs[1]), [0, 0]);
    assert.equal(run.losses[1], 0);
  });

  it("newton from x = 0 on the tilted double well converges to its local maximum near -0.524", () => {
    // f''(0) = -1.5 < 0: the model is a downward parabola, its critical point is a maximum
    const run = newton(tiltedDoubleWell, [0], { steps: 10 });
    const last = run.xs[10][0];
    assert.ok(Math.abs(last ** 3 - 6 * last - 3) < 1e-12);
    assert.ok(Math.abs(last + 0.524) < 1e-3);
  });

  it("newton jumps onto the saddle point of x1^2 - x2^2", () => {
    assert.deepEqual(Array.from(newton(saddle, [1, 0.5], { steps: 1 }).xs[1]), [0, 0]);
  });

  it("newton solves Rosenbrock from (-1.5, 2) in a handful of steps", () => {
    const run = newton(rosenbrock, [-1.5, 2], { steps: 8 });
    assert.ok(Math.abs(run.xs[8][0] - 1) < 1e-12 && Math.abs(run.xs[8][1] - 1) < 1e-12);
  });

  it("newton names a missing Hessian and a singular one", () => {
    const noHessian = { ...d2lQuadratic, name: "bowl", hessian: undefined };
    assert.throws(() => newton(noHessian, [1, 1], { steps: 1 }), /needs a Hessian: bowl has none/);
    // x cos(pi x) has f'' = 0 somewhere; a flat Hessian is singular
    const flat = { ...xCosPiX, hessian: (_x: Float64Array, out: Float64Array) => out.fill(0) };
    assert.throws(() => newton(flat, [0.5], { steps: 1 }), /Singular Hessian at step 1, x = \[0.5\]/);
  });
});
