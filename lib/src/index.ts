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
export {
  csrNnz,
  csrValidate,
  csrFromTriplets,
  csrFromDense,
  csrToDense,
  csrRow,
  csrMatvec,
  csrMatTvec,
  csrColumnCounts,
  csrNormalizeRows,
  csrSelectRows,
} from "./sparse/csr";
export type { CSR } from "./sparse/csr";
export { sigmoid, log1pexp, bceWithLogits, logisticEvaluate, logisticLossGrad } from "./sparse/logistic";
export type { LogisticEvaluation } from "./sparse/logistic";
export { trainLogistic, TRAIN_LOGISTIC_DEFAULTS } from "./sparse/trainLogistic";
export type { TrainLogisticOptions, TrainLogisticResult } from "./sparse/trainLogistic";

// neural networks

// data loaders
export { readSvmlight, parseSvmlight, writeSvmlight, svmlightLine } from "./data/svmlight";
export type { SparseDataset, SvmlightReadOptions, SvmlightWriteOptions } from "./data/svmlight";

// in-notebook checks
