/** Small test functions for the plot tests (the course's own arrive in lib/src/functions/). */
import type { TestFunction } from "../../../lib/src/core/types";

function fn2(
  name: string,
  f: (x: number, y: number) => number,
  domain: [number, number][],
  minima?: number[][],
): TestFunction {
  return { name, dim: 2, tex: "", f: (p) => f(p[0], p[1]), grad: (_p, out) => out, domain, minima };
}

export const quadratic = fn2(
  "d2l_quadratic",
  (x, y) => 0.1 * x * x + 2 * y * y,
  [
    [-5, 1],
    [-3, 3],
  ],
  [[0, 0]],
);
export const rosenbrock = fn2(
  "rosenbrock",
  (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  [
    [-2, 2],
    [-1, 3],
  ],
  [[1, 1]],
);
export const saddle = fn2("saddle", (x, y) => x * x - y * y, [
  [-2, 2],
  [-2, 2],
]);

/** Gradient descent on the D2L quadratic from (-5, -2): the points x_0 .. x_steps. */
export function gdQuadratic(lr: number, steps: number): number[][] {
  const out = [[-5, -2]];
  let [x, y] = [-5, -2];
  for (let t = 0; t < steps; t++) {
    x -= lr * 0.2 * x;
    y -= lr * 4 * y;
    out.push([x, y]);
  }
  return out;
}
