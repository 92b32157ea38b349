import type { TestFunction } from "../core/types";

/** The result of {@link symbolicGradient}: a test function built from an expression, with its partials. */
export interface SymbolicGradient extends TestFunction {
  /** ∂f/∂v for each variable v, as simplified expressions (mathjs syntax). */
  partials: string[];
  /** The same partials in LaTeX. */
  partialsTex: string[];
}

/**
 * Differentiates an expression symbolically with mathjs's `derivative` and returns it as a
 * {@link TestFunction} (f and gradient evaluated from the expressions), to check a gradient written by
 * hand: compare `partials` with your formula, or its `grad` with your function's at a few points
 * (lecture §0: analytic gradients are exact but error-prone). mathjs is loaded on first use only.
 *
 * $$\begin{aligned} \nabla f &= \Big(\frac{\partial f}{\partial v_1}, \dots, \frac{\partial f}{\partial v_n}\Big) \end{aligned}$$
 *
 * @param expr the function, e.g. "x^3 + y^3 - 3*x*y".
 * @param vars its variables in coordinate order, e.g. ["x", "y"].
 * @example
 * const s = symbolicGradient("x^3 + y^3 - 3*x*y", ["x", "y"]);
 * s.partials; //=> ["3 * x ^ 2 - 3 * y", "3 * y ^ 2 - 3 * x"]
 * s.grad(Float64Array.of(1, 1), new Float64Array(2)); //=> Float64Array [0, 0]
 */
export function symbolicGradient(expr: string, vars: string[]): SymbolicGradient {
  // Loaded lazily: importing the library must not pay for mathjs.
  const math = require("mathjs") as typeof import("mathjs");
  if (vars.length === 0) throw new RangeError("Invalid variables: symbolicGradient needs at least 1");
  if (new Set(vars).size !== vars.length)
    throw new RangeError(`Invalid variables: ${vars.join(", ")} has a duplicate`);
  let node: import("mathjs").MathNode;
  try {
    node = math.parse(expr);
  } catch (e) {
    throw new RangeError(`Invalid expression: ${expr} (${(e as Error).message})`);
  }
  const free = new Set<string>();
  node.traverse((n) => {
    if (math.isSymbolNode(n) && !(n.name in math)) free.add(n.name);
  });
  for (const name of free) {
    if (!vars.includes(name)) throw new RangeError(`Invalid expression: unknown variable ${name} in ${expr}`);
  }
  const d = vars.map((v) => math.derivative(node, v));
  const fCode = node.compile();
  const dCode = d.map((n) => n.compile());
  const n = vars.length;
  const scope = (x: Float64Array): Record<string, number> => {
    if (x.length !== n)
      throw new RangeError(`${expr} expects a point with ${n} coordinates, got ${x.length}`);
    const s: Record<string, number> = {};
    vars.forEach((v, i) => (s[v] = x[i]));
    return s;
  };
  return {
    name: expr,
    dim: n,
    tex: node.toTex(),
    f: (x) => Number(fCode.evaluate(scope(x))),
    grad(x, out) {
      const s = scope(x);
      for (let i = 0; i < n; i++) out[i] = Number(dCode[i].evaluate(s));
      return out;
    },
    partials: d.map((p) => p.toString()),
    partialsTex: d.map((p) => p.toTex()),
  };
}
