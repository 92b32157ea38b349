import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { symbolicGradient } from "../../../lib/src/functions/symbolicGradient";
import { functionByName } from "../../../lib/src/functions/functionByName";
import { seeded } from "../../../lib/src/core/random";

// Each test function's formula as an expression (golden/FORMAT.md and the lecture's).
const EXPRESSIONS: [string, string, string[]][] = [
  ["d2l_quadratic", "0.1*x^2 + 2*y^2", ["x", "y"]],
  ["rotated_quadratic", "0.1*(x + y)^2 + 2*(x - y)^2", ["x", "y"]],
  ["saddle", "x^2 - y^2", ["x", "y"]],
  ["rosenbrock", "(1 - x)^2 + 100*(y - x^2)^2", ["x", "y"]],
  ["beale", "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", ["x", "y"]],
  ["himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", ["x", "y"]],
  ["quadratic3", "0.5*(4*a^2 + 9*b^2 + 16*c^2 + 2*a*b + 4*a*c + 6*b*c) + a - 2*b + 0.5*c", ["a", "b", "c"]],
  ["x_cos_pi_x", "x*cos(pi*x)", ["x"]],
  ["x_cos_pi_x_empirical", "x*cos(pi*x) + 0.2*cos(5*pi*x)", ["x"]],
  ["cubic_xy", "x^3 + y^3 - 3*x*y", ["x", "y"]],
  ["log_square", "log(x^2 + 0.001)", ["x"]],
  ["flat_composite", "((x - 1)^3 - 1)^2", ["x"]],
  ["tilted_double_well", "(x^4 - 12*x^2 - 12*x)/16", ["x"]],
  ["distill_rosenbrock", "(1 - x)^2 + 20*(3*y - x^2)^2", ["x", "y"]],
];

describe("symbolicGradient", () => {
  it("symbolicGradient differentiates x^3 + y^3 - 3xy to 3x^2 - 3y and 3y^2 - 3x", () => {
    const s = symbolicGradient("x^3 + y^3 - 3*x*y", ["x", "y"]);
    assert.deepEqual(s.partials, ["3 * x ^ 2 - 3 * y", "3 * y ^ 2 - 3 * x"]);
    assert.deepEqual([...s.grad(Float64Array.of(1, 1), new Float64Array(2))], [0, 0]);
    assert.equal(s.f(Float64Array.of(1, 1)), -1);
  });

  it("every test function's hand-written gradient equals the symbolic one at 5 seeded points (to 1e-12)", () => {
    const rng = seeded(21);
    for (const [name, expr, vars] of EXPRESSIONS) {
      const fn = functionByName(name);
      const s = symbolicGradient(expr, vars);
      for (let k = 0; k < 5; k++) {
        const x = Float64Array.from(vars, () => -2 + 4 * rng.uniform());
        const a = fn.grad(x, new Float64Array(vars.length));
        const b = s.grad(x, new Float64Array(vars.length));
        for (let i = 0; i < vars.length; i++) {
          assert.ok(
            Math.abs(a[i] - b[i]) <= 1e-12 * Math.max(1, Math.abs(b[i])),
            `${name} at ${[...x]}: ${a[i]} vs ${b[i]}`,
          );
        }
        assert.ok(Math.abs(fn.f(x) - s.f(x)) <= 1e-12 * Math.max(1, Math.abs(s.f(x))), `${name} f`);
      }
    }
  });

  it("symbolicGradient throws on a variable not listed and on a syntax error", () => {
    assert.throws(() => symbolicGradient("x + z", ["x"]), /unknown variable z in x \+ z/);
    assert.throws(() => symbolicGradient("x +* 2", ["x"]), /Invalid expression: x \+\* 2/);
    assert.throws(() => symbolicGradient("x", ["x", "x"]), /has a duplicate/);
  });
});
