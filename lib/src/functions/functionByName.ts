import type { TestFunction } from "../core/types";
import { beale } from "./beale";
import { cubicXY } from "./cubicXY";
import { distillRosenbrock } from "./distillRosenbrock";
import { flatComposite } from "./flatComposite";
import { flatCompositeOuter } from "./flatCompositeOuter";
import { logSquare } from "./logSquare";
import { tiltedDoubleWell } from "./tiltedDoubleWell";
import { xCosPiX } from "./xCosPiX";
import { xCosPiXEmpirical } from "./xCosPiXEmpirical";
import { d2lQuadratic } from "./d2lQuadratic";
import { himmelblau } from "./himmelblau";
import { quadratic3 } from "./quadratic3";
import { quartic } from "./quartic";
import { rosenbrock } from "./rosenbrock";
import { rotatedQuadratic } from "./rotatedQuadratic";
import { saddle } from "./saddle";
import { square } from "./square";
import { square20 } from "./square20";

/** The golden file's function names (golden/FORMAT.md), in its table's order. */
export const GOLDEN_FUNCTION_NAMES = [
  "square",
  "square20",
  "quartic",
  "d2l_quadratic",
  "rotated_quadratic",
  "saddle",
  "rosenbrock",
  "beale",
  "himmelblau",
  "quadratic3",
] as const;

/** The lecture's functions with fixed parameters, also known to {@link functionByName}. */
export const LECTURE_FUNCTION_NAMES = [
  "x_cos_pi_x",
  "x_cos_pi_x_empirical",
  "cubic_xy",
  "log_square",
  "flat_composite",
  "flat_composite_outer",
  "tilted_double_well",
  "distill_rosenbrock",
] as const;

const BY_NAME: Record<string, TestFunction> = {
  square,
  square20,
  quartic,
  d2l_quadratic: d2lQuadratic,
  rotated_quadratic: rotatedQuadratic,
  saddle,
  rosenbrock,
  beale,
  himmelblau,
  quadratic3,
  x_cos_pi_x: xCosPiX,
  x_cos_pi_x_empirical: xCosPiXEmpirical,
  cubic_xy: cubicXY,
  log_square: logSquare(),
  flat_composite: flatComposite,
  flat_composite_outer: flatCompositeOuter,
  tilted_double_well: tiltedDoubleWell,
  distill_rosenbrock: distillRosenbrock,
};

/**
 * The test function a golden file names (`"rosenbrock"`, `"d2l_quadratic"`, ...), for the golden harness
 * and the notebooks; the lecture's fixed functions ({@link LECTURE_FUNCTION_NAMES}, log_square with
 * c = 0.001) are known too. `dim`, when given, is checked: the functions that sum over coordinates (square,
 * square20, quartic: dim 0) accept any dim >= 1; the others only their own.
 *
 * @param name a name from golden/FORMAT.md's table.
 * @param dim the length of the points it will be called with (optional).
 * @example
 * functionByName("rosenbrock", 2).f(Float64Array.of(1, 1)); //=> 0
 * functionByName("square", 3).dim; //=> 0 (any number of coordinates)
 * functionByName("rosenbrock", 3); // throws RangeError: Invalid dimension for rosenbrock: 3 (expected 2)
 */
export function functionByName(name: string, dim?: number): TestFunction {
  const fn = Object.prototype.hasOwnProperty.call(BY_NAME, name) ? BY_NAME[name] : undefined;
  if (!fn) {
    throw new RangeError(
      `Unknown test function: ${name} (known: ${[...GOLDEN_FUNCTION_NAMES, ...LECTURE_FUNCTION_NAMES].join(", ")})`,
    );
  }
  if (dim !== undefined) {
    const ok = fn.dim === 0 ? Number.isInteger(dim) && dim >= 1 : dim === fn.dim;
    if (!ok) {
      const expected = fn.dim === 0 ? "any integer >= 1" : String(fn.dim);
      throw new RangeError(`Invalid dimension for ${name}: ${dim} (expected ${expected})`);
    }
  }
  return fn;
}
