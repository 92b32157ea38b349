import { checkInteger, checkOptionKeys } from "../core/validate";
import { randn, seeded } from "../core/random";
import { fastOptimizer, fastOptimizerBackends } from "./fastOptimizer";
import type { FastBackend, FastOptimizerName, FastOptimizerOptions } from "./fastOptimizer";

/** One backend's row of {@link compareBackends}. */
export interface BackendComparison {
  /** "js" (the readable loop), "wasm" or "native". */
  backend: FastBackend;
  /** Median wall time of one step, in milliseconds. */
  msPerStep: number;
  /** How many parameters differ, after all steps, from the readable loop's (0: bit-identical). */
  mismatches: number;
  /** The largest absolute difference from the readable loop's parameters (0 when bit-identical). */
  maxAbsDifference: number;
}

/** Settings of {@link compareBackends}. */
export interface CompareBackendsSettings {
  /** Number of parameters (default 1e6). */
  n?: number;
  /** Steps timed, each on the same gradient (default 20; 3 untimed steps run first). */
  steps?: number;
  /** Seed of the start point and the gradient (default 0). */
  seed?: number;
}

/**
 * Runs the same optimizer steps with every backend of {@link fastOptimizer} that runs here (the readable
 * TypeScript loop first, then the native kernel and the WebAssembly SIMD kernel) from the same seeded start point and
 * gradient, and reports the median time of a step and how far each backend's parameters end from the
 * readable loop's. The kernels do the readable loop's operations in the same order, so the expected
 * difference is exactly zero.
 *
 * @param name torch's class name: "SGD", "Adagrad", "RMSprop", "Adam" or "AdamW"
 * @param options the optimizer's options (SGD requires `lr`)
 * @param settings `n`, `steps`, `seed`
 * @example
 * const rows = compareBackends("Adam", { lr: 1e-3 }, { n: 1e6 });
 * console.log(rows.map((r) => [r.backend, r.mismatches]));
 * //=> [ [ 'js', 0 ], [ 'native', 0 ], [ 'wasm', 0 ] ] (native where `npm install` built it)
 */
export function compareBackends<K extends FastOptimizerName>(
  name: K,
  options: FastOptimizerOptions[K],
  settings: CompareBackendsSettings = {},
): BackendComparison[] {
  checkOptionKeys("compareBackends settings", settings, ["n", "steps", "seed"]);
  const { n = 1e6, steps = 20, seed = 0 } = settings;
  checkInteger("number of parameters", n);
  checkInteger("steps", steps, 1);
  const rng = seeded(seed);
  const x0 = randn(rng, new Float64Array(n));
  const g0 = randn(rng, new Float64Array(n));
  const backends = ["js" as FastBackend, ...fastOptimizerBackends().filter((b) => b !== "js")];
  let reference: Float64Array | undefined;
  return backends.map((backend) => {
    const opt = fastOptimizer(name, x0, options, { backend });
    opt.g.set(g0);
    for (let i = 0; i < 3; i++) opt.step();
    const times = new Float64Array(steps);
    for (let i = 0; i < steps; i++) {
      const t0 = performance.now();
      opt.step();
      times[i] = performance.now() - t0;
    }
    times.sort();
    const msPerStep =
      steps % 2 === 1 ? times[(steps - 1) / 2] : (times[steps / 2 - 1] + times[steps / 2]) / 2;
    reference ??= Float64Array.from(opt.x);
    let mismatches = 0;
    let maxAbsDifference = 0;
    for (let i = 0; i < n; i++) {
      if (!Object.is(opt.x[i], reference[i])) {
        mismatches++;
        maxAbsDifference = Math.max(maxAbsDifference, Math.abs(opt.x[i] - reference[i]));
      }
    }
    return { backend, msPerStep, mismatches, maxAbsDifference };
  });
}
