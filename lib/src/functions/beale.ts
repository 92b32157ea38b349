import type { TestFunction } from "../core/types";
import { checkPoint } from "./checkPoint";

/**
 * The golden file's `beale`: f(x) = (1.5 - x₁ + x₁x₂)² + (2.25 - x₁ + x₁x₂²)² + (2.625 - x₁ + x₁x₂³)²,
 * minimum 0 at (3, 0.5), with flat plateaus and steep walls.
 *
 * With a = 1.5 - x₁ + x₁x₂, b = 2.25 - x₁ + x₁x₂², c = 2.625 - x₁ + x₁x₂³:
 * $$\begin{aligned} f &= a^2 + b^2 + c^2 \\
 * \partial_1 f &= 2 \big(a (x_2 - 1) + b (x_2^2 - 1) + c (x_2^3 - 1)\big) \\
 * \partial_2 f &= 2 \big(a x_1 + 2 b x_1 x_2 + 3 c x_1 x_2^2\big) \end{aligned}$$
 *
 * @example
 * beale.f(Float64Array.of(3, 0.5)); //=> 0
 * beale.grad(Float64Array.of(1, 1), new Float64Array(2)); //=> Float64Array [0, 27.75]
 */
export const beale: TestFunction = {
  name: "beale",
  dim: 2,
  tex: "(1.5 - x_1 + x_1 x_2)^2 + (2.25 - x_1 + x_1 x_2^2)^2 + (2.625 - x_1 + x_1 x_2^3)^2",
  f(x) {
    checkPoint("beale", 2, x);
    const [a, b, c] = terms(x[0], x[1]);
    return a * a + b * b + c * c;
  },
  grad(x, out) {
    checkPoint("beale", 2, x);
    const u = x[0];
    const v = x[1];
    const [a, b, c] = terms(u, v);
    out[0] = 2 * (a * (v - 1) + b * (v * v - 1) + c * (v * v * v - 1));
    out[1] = 2 * (a * u + b * 2 * u * v + c * 3 * u * v * v);
    return out;
  },
  hessian(x, out) {
    checkPoint("beale", 2, x);
    const u = x[0];
    const v = x[1];
    const [a, b, c] = terms(u, v);
    // First derivatives of a, b, c in x1 (ax, bx, cx) and x2 (ay, by, cy).
    const ax = v - 1;
    const bx = v * v - 1;
    const cx = v * v * v - 1;
    const ay = u;
    const by = 2 * u * v;
    const cy = 3 * u * v * v;
    out[0] = 2 * (ax * ax + bx * bx + cx * cx);
    out[1] = 2 * (ax * ay + a + bx * by + b * 2 * v + cx * cy + c * 3 * v * v);
    out[2] = out[1];
    out[3] = 2 * (ay * ay + by * by + b * 2 * u + cy * cy + c * 6 * u * v);
    return out;
  },
  minima: [[3, 0.5]],
  domain: [
    [-4.5, 4.5],
    [-4.5, 4.5],
  ],
};

function terms(u: number, v: number): [number, number, number] {
  return [1.5 - u + u * v, 2.25 - u + u * v * v, 2.625 - u + u * v * v * v];
}
