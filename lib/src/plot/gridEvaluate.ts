import type { TestFunction } from "../core/types";
import { checkInteger } from "../core/validate";

/** Values of a 2D function on a regular grid: `z[j * x.length + i] = f(x[i], y[j])` (row j is one y). */
export interface Grid {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

/**
 * Evaluates a 2D function on an `nx` by `ny` grid over `domain` = [[xmin, xmax], [ymin, ymax]] in one
 * typed-array loop (one reused point, no allocation per value). `f` is a TestFunction or `(x, y) => z`.
 * @example
 * gridEvaluate((x, y) => x * x + y * y, [[-1, 1], [-1, 1]], 3, 3).z
 * //=> Float64Array [2, 1, 2, 1, 0, 1, 2, 1, 2]
 */
export function gridEvaluate(
  f: TestFunction | ((x: number, y: number) => number),
  domain: [number, number][],
  nx: number,
  ny: number = nx,
): Grid {
  checkInteger("grid size nx", nx, 2);
  checkInteger("grid size ny", ny, 2);
  if (!Array.isArray(domain) || domain.length < 2) {
    throw new RangeError(
      `Invalid domain: expected [[xmin, xmax], [ymin, ymax]], got ${JSON.stringify(domain)}`,
    );
  }
  const [[x0, x1], [y0, y1]] = domain;
  if (!(x1 > x0) || !(y1 > y0)) throw new RangeError(`Invalid domain: ${JSON.stringify(domain)}`);
  const x = new Float64Array(nx);
  const y = new Float64Array(ny);
  for (let i = 0; i < nx; i++) x[i] = x0 + ((x1 - x0) * i) / (nx - 1);
  for (let j = 0; j < ny; j++) y[j] = y0 + ((y1 - y0) * j) / (ny - 1);
  const z = new Float64Array(nx * ny);
  if (typeof f === "function") {
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) z[j * nx + i] = f(x[i], y[j]);
  } else {
    if (f.dim !== 2 && f.dim !== 0)
      throw new RangeError(`Invalid function for a 2D grid: ${f.name} has dim ${f.dim}`);
    const p = new Float64Array(2);
    for (let j = 0; j < ny; j++) {
      p[1] = y[j];
      for (let i = 0; i < nx; i++) {
        p[0] = x[i];
        z[j * nx + i] = f.f(p);
      }
    }
  }
  return { x, y, z };
}
