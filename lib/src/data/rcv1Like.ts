/**
 * A seeded generator of text-like sparse data in the shape of the lecture's RCV1-train split (23,149
 * documents x 47,236 terms, about 1.5 million non-zeros, a binary topic label): for benchmarks at the
 * lecture's scale without the RCV1 download.
 *
 * Each document draws its number of distinct terms from a log-normal law (mean `meanNnz`), then its terms
 * without repetition from a Zipf law over the vocabulary (term of rank r has probability ∝ 1 / (r + 1)^s,
 * so a few terms are in most documents and most terms in a handful); term counts are 1 + Geometric(1/2).
 * Values are RCV1's weighting: (1 + ln tf) x idf with sklearn's smooth idf, rows l2-normalised. Labels
 * come from a planted linear model w* ~ N(0, 1): y = 1 when x·w* is above the (1 − positiveFraction)
 * quantile, then each label is flipped with probability `labelNoise`.
 */
import type { CSR } from "../sparse/csr";
import { csrNormalizeRows, csrColumnCounts, csrMatvec } from "../sparse/csr";
import { seeded, randn, shuffle } from "../core/random";
import type { Rng } from "../core/random";
import { checkInteger, checkOptionKeys, checkPositive, checkUnitInterval } from "../core/validate";
import { detMath } from "../core/detMath";

/** Options of {@link rcv1Like}; the defaults give RCV1-train's shape. */
export interface Rcv1LikeOptions {
  /** Documents. Default 23,149 (RCV1-train). */
  rows: number;
  /** Vocabulary size. Default 47,236. */
  cols: number;
  /** Mean number of distinct terms per document. Default 65 (about 1.5 M non-zeros in all). */
  meanNnz: number;
  /** Spread (σ of the log) of the number of terms per document. Default 0.6. */
  lengthSigma: number;
  /** Zipf exponent s. Default 1.0. */
  zipfExponent: number;
  /** Share of positive labels before noise. Default 0.47 (RCV1's CCAT). */
  positiveFraction: number;
  /** Probability of flipping each label. Default 0.05. */
  labelNoise: number;
  /** Seed. Default 0. */
  seed: number;
}

/** Defaults of {@link rcv1Like}. */
export const RCV1_LIKE_DEFAULTS: Rcv1LikeOptions = {
  rows: 23149,
  cols: 47236,
  meanNnz: 65,
  lengthSigma: 0.6,
  zipfExponent: 1.0,
  positiveFraction: 0.47,
  labelNoise: 0.05,
  seed: 0,
};

/** A generated data set: features, 0/1 labels, and the planted weights. */
export interface Rcv1Like {
  X: CSR;
  y: Float64Array;
  /** The planted model w* (length cols) and threshold: y (before noise) = [x·w* > threshold]. */
  wTrue: Float64Array;
  threshold: number;
  options: Rcv1LikeOptions;
}

/**
 * Generates an RCV1-shaped sparse data set (seeded: the same options give the same data).
 *
 * @example
 * const { X, y } = rcv1Like();
 * [X.rows, X.cols]; //=> [23149, 47236]
 * X.indptr[X.rows]; //=> about 1.5 million non-zeros
 */
export function rcv1Like(options: Partial<Rcv1LikeOptions> = {}): Rcv1Like {
  checkOptionKeys("rcv1Like", options, {
    rows: true,
    cols: true,
    meanNnz: true,
    lengthSigma: true,
    zipfExponent: true,
    positiveFraction: true,
    labelNoise: true,
    seed: true,
  });
  const o = { ...RCV1_LIKE_DEFAULTS, ...options };
  checkInteger("rows", o.rows, 1);
  checkInteger("cols", o.cols, 1);
  checkPositive("meanNnz", o.meanNnz);
  checkPositive("lengthSigma", o.lengthSigma);
  checkPositive("zipfExponent", o.zipfExponent);
  checkUnitInterval("positiveFraction", o.positiveFraction);
  checkUnitInterval("labelNoise", o.labelNoise);
  const rng = seeded(o.seed);
  const { rows, cols } = o;

  // Document lengths (distinct terms), log-normal with mean meanNnz, clipped to [1, min(cols, 20 mean)].
  const maxLen = Math.min(cols, Math.max(1, Math.round(20 * o.meanNnz)));
  const mu = detMath.log(o.meanNnz) - (o.lengthSigma * o.lengthSigma) / 2;
  const indptr = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    const len = Math.round(detMath.exp(mu + o.lengthSigma * rng.normal()));
    indptr[i + 1] = indptr[i] + Math.min(maxLen, Math.max(1, len));
  }
  const nnz = indptr[rows];
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);

  // Zipf CDF over ranks; rank r is feature featureOf[r] (a seeded permutation).
  const cdf = new Float64Array(cols);
  let total = 0;
  for (let r = 0; r < cols; r++) cdf[r] = total += 1 / detMath.pow(r + 1, o.zipfExponent);
  for (let r = 0; r < cols; r++) cdf[r] /= total;
  const featureOf = new Int32Array(cols);
  for (let r = 0; r < cols; r++) featureOf[r] = r;
  shuffle(rng, featureOf);

  const stamp = new Int32Array(cols).fill(-1);
  for (let i = 0; i < rows; i++) {
    const start = indptr[i];
    const end = indptr[i + 1];
    for (let k = start; k < end; k++) {
      let j = featureOf[drawRank(rng, cdf)];
      while (stamp[j] === i) j = featureOf[drawRank(rng, cdf)];
      stamp[j] = i;
      indices[k] = j;
    }
    indices.subarray(start, end).sort();
    for (let k = start; k < end; k++) {
      let tf = 1;
      while (rng.uniform() < 0.5) tf++;
      data[k] = 1 + detMath.log(tf);
    }
  }
  const X: CSR = { rows, cols, indptr, indices, data };
  const df = csrColumnCounts(X);
  for (let k = 0; k < nnz; k++) data[k] *= detMath.log((1 + rows) / (1 + df[indices[k]])) + 1;
  csrNormalizeRows(X);

  // Planted labels.
  const wTrue = randn(rng, new Float64Array(cols));
  const z = csrMatvec(X, wTrue, new Float64Array(rows));
  const sorted = Float64Array.from(z).sort();
  const threshold = sorted[Math.min(rows - 1, Math.floor((1 - o.positiveFraction) * rows))];
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const clean = z[i] > threshold ? 1 : 0;
    y[i] = rng.uniform() < o.labelNoise ? 1 - clean : clean;
  }
  return { X, y, wTrue, threshold, options: o };
}

/** The smallest rank r with cdf[r] > u, u uniform: a draw from the Zipf law. */
function drawRank(rng: Rng, cdf: Float64Array): number {
  const u = rng.uniform();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
