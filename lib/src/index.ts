/**
 * @dlopt/lib: the library the course notebooks call. This file is its only barrel: the public API,
 * grouped by section. Each export lives in a file named after it.
 */

// core
export { seeded, randn, shuffle } from "./core/random";
export type { Rng } from "./core/random";
export {
  checkNonNegative,
  checkPositive,
  checkUnitInterval,
  checkInteger,
  checkFinite,
  checkSameLength,
} from "./core/validate";
export { datasetPath, projectRoot } from "./core/paths";
export type { Vector, Matrix, Schedule, TestFunction, Optimizer } from "./core/types";

// optimizers

// schedules

// moving averages

// test functions and gradient checks

// linear algebra

// plots and display
export { tableHtml, formatNumber } from "./display/tableHtml";
export type { TableLike, TableOptions } from "./display/tableHtml";
export { showTable } from "./display/showTable";

// sparse data and models

// neural networks

// data loaders

// in-notebook checks
