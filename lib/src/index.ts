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

// sparse data and models

// neural networks

// data loaders
export { readIdx, parseIdx } from "./data/readIdx";
export type { Idx } from "./data/readIdx";
export { encodeIdx } from "./data/encodeIdx";
export {
  loadFashionMnist,
  fashionMnistSubsetPath,
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_DEBIAN_PATH,
} from "./data/loadFashionMnist";
export type { FashionMnist, LabeledImages, LoadFashionMnistOptions } from "./data/loadFashionMnist";

// in-notebook checks
