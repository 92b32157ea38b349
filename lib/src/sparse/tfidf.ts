/**
 * TF-IDF bag-of-words features, computed as scikit-learn's `TfidfVectorizer` does with its defaults, so
 * that the matrices agree with scikit-learn's to rounding:
 *
 * $$\begin{aligned}
 * \mathrm{tf}_{d,t} &= \text{count of term } t \text{ in document } d \quad (\text{sublinearTf: } 1 + \ln \mathrm{tf}_{d,t}) \\
 * \mathrm{idf}_t &= \ln\frac{1 + n}{1 + \mathrm{df}_t} + 1 \quad (\text{smoothIdf; otherwise } \ln\frac{n}{\mathrm{df}_t} + 1) \\
 * x_{d,t} &= \mathrm{tf}_{d,t}\,\mathrm{idf}_t, \qquad x_d \leftarrow x_d / \lVert x_d \rVert_2
 * \end{aligned}$$
 *
 * where n is the number of documents and df_t the number of documents containing t. The vocabulary keeps
 * the terms with minDf <= df_t <= maxDf, sorted by code point (feature j is `vocabulary[j]`).
 */
import { checkOptionKeys } from "../core/validate";
import type { CSR } from "./csr";
import { csrNormalizeRows } from "./csr";
import { tokenize, compareCodePoints } from "./tokenize";
import { detMath } from "../core/detMath";

/** Options of the TF-IDF vectorizer (scikit-learn's names in camelCase, its defaults). */
export interface TfidfOptions {
  /** Lowercase before tokenizing. Default true. */
  lowercase: boolean;
  /** Keep terms in at least minDf documents (an integer), or in a fraction >= minDf (a number < 1). Default 1. */
  minDf: number;
  /** Keep terms in at most maxDf documents (an integer > 1), or in a fraction <= maxDf. Default 1.0 (all). */
  maxDf: number;
  /** Use 1 + ln(tf) instead of tf. Default false. */
  sublinearTf: boolean;
  /** Smooth idf as if one extra document contained every term once. Default true. */
  smoothIdf: boolean;
  /** Row normalisation: "l2" or "none". Default "l2". */
  norm: "l2" | "none";
}

/** Defaults of {@link tfidfFit}: scikit-learn's. */
export const TFIDF_DEFAULTS: TfidfOptions = {
  lowercase: true,
  minDf: 1,
  maxDf: 1.0,
  sublinearTf: false,
  smoothIdf: true,
  norm: "l2",
};

/** A fitted vectorizer: the vocabulary (feature j is vocabulary[j]), its index, and the idf weights. */
export interface TfidfModel {
  vocabulary: string[];
  index: Map<string, number>;
  idf: Float64Array;
  options: TfidfOptions;
}

/**
 * Learns the vocabulary and idf weights of `docs` and returns the model with the documents' TF-IDF
 * matrix (rows = documents), as scikit-learn's `fit_transform`.
 *
 * @example
 * const { model, X } = tfidfFitTransform(["the cat sat", "the cat ran", "a dog ran"]);
 * model.vocabulary; //=> ["cat", "dog", "ran", "sat", "the"]   ("a" is a one-letter token: dropped)
 * model.idf[0]; //=> ln(4/3) + 1 = 1.2876820724517808
 */
export function tfidfFitTransform(
  docs: readonly string[],
  options: Partial<TfidfOptions> = {},
): { model: TfidfModel; X: CSR } {
  checkOptionKeys("tfidfFitTransform", options, TFIDF_DEFAULTS);
  const { model, counts } = tfidfFitCounts(docs, options);
  return { model, X: tfidfWeigh(counts, model) };
}

/**
 * Learns the vocabulary and idf weights of `docs` (see {@link tfidfFitTransform}) and returns the model
 * with the documents' term counts: a CSR matrix over the vocabulary whose values are the counts (integers).
 * {@link tfidfWeigh} turns it into the TF-IDF matrix; the counts are what a cache keeps (small integers).
 */
export function tfidfFitCounts(
  docs: readonly string[],
  options: Partial<TfidfOptions> = {},
): { model: TfidfModel; counts: CSR } {
  checkOptionKeys("tfidfFitCounts", options, TFIDF_DEFAULTS);
  const o = { ...TFIDF_DEFAULTS, ...options };
  validateTfidf(o, docs.length);
  const n = docs.length;
  // Pass 1: count terms per document under provisional ids (order of first appearance).
  const provisional = new Map<string, number>();
  const counts = countDocuments(docs, o.lowercase, provisional, true);
  const nTerms = provisional.size;
  const df = new Int32Array(nTerms);
  for (let k = 0; k < counts.ids.length; k++) df[counts.ids[k]]++;
  // Vocabulary: terms with minDf <= df <= maxDf, sorted by code point.
  const minCount = Number.isInteger(o.minDf) && o.minDf >= 1 ? o.minDf : o.minDf * n;
  const maxCount = Number.isInteger(o.maxDf) && o.maxDf > 1 ? o.maxDf : o.maxDf * n;
  const kept: string[] = [];
  for (const [term, id] of provisional) if (df[id] >= minCount && df[id] <= maxCount) kept.push(term);
  kept.sort(compareCodePoints);
  const remap = new Int32Array(nTerms).fill(-1);
  const index = new Map<string, number>();
  const idf = new Float64Array(kept.length);
  for (let j = 0; j < kept.length; j++) {
    const id = provisional.get(kept[j]) as number;
    remap[id] = j;
    index.set(kept[j], j);
    idf[j] = o.smoothIdf ? detMath.log((1 + n) / (1 + df[id])) + 1 : detMath.log(n / df[id]) + 1;
  }
  const model: TfidfModel = { vocabulary: kept, index, idf, options: o };
  return { model, counts: keptCounts(counts, remap, model.vocabulary.length) };
}

/** Learns the vocabulary and idf weights of `docs` (see {@link tfidfFitTransform}). */
export function tfidfFit(docs: readonly string[], options: Partial<TfidfOptions> = {}): TfidfModel {
  checkOptionKeys("tfidfFit", options, TFIDF_DEFAULTS);
  return tfidfFitTransform(docs, options).model;
}

/** The TF-IDF matrix of `docs` under a fitted model; terms outside the vocabulary are ignored. */
export function tfidfTransform(model: TfidfModel, docs: readonly string[]): CSR {
  const ids = new Map(model.index);
  const counts = countDocuments(docs, model.options.lowercase, ids, false);
  const remap = new Int32Array(model.vocabulary.length);
  for (let j = 0; j < remap.length; j++) remap[j] = j;
  return tfidfWeigh(keptCounts(counts, remap, model.vocabulary.length), model);
}

/** Per-document term counts in CSR-like form under provisional ids (unsorted within a row). */
interface Counts {
  indptr: Int32Array;
  ids: Int32Array;
  tf: Float64Array;
}

function countDocuments(
  docs: readonly string[],
  lowercase: boolean,
  ids: Map<string, number>,
  grow: boolean,
): Counts {
  const indptr = new Int32Array(docs.length + 1);
  let idsOut = new Int32Array(1 << 16);
  let tfOut = new Float64Array(1 << 16);
  let stamp = new Int32Array(Math.max(ids.size, 1024)).fill(-1);
  let slot = new Int32Array(stamp.length);
  let nnz = 0;
  const tokens: string[] = [];
  for (let d = 0; d < docs.length; d++) {
    if (typeof docs[d] !== "string") throw new TypeError(`Invalid document at index ${d}: not a string`);
    tokens.length = 0;
    tokenize(docs[d], tokens, lowercase);
    for (const tok of tokens) {
      let id = ids.get(tok);
      if (id === undefined) {
        if (!grow) continue;
        id = ids.size;
        ids.set(tok, id);
        if (id >= stamp.length) {
          const s2 = new Int32Array(stamp.length * 2).fill(-1);
          s2.set(stamp);
          stamp = s2;
          const l2 = new Int32Array(slot.length * 2);
          l2.set(slot);
          slot = l2;
        }
      }
      if (stamp[id] === d) {
        tfOut[slot[id]] += 1;
      } else {
        stamp[id] = d;
        if (nnz >= idsOut.length) {
          const i2 = new Int32Array(idsOut.length * 2);
          i2.set(idsOut);
          idsOut = i2;
          const t2 = new Float64Array(tfOut.length * 2);
          t2.set(tfOut);
          tfOut = t2;
        }
        slot[id] = nnz;
        idsOut[nnz] = id;
        tfOut[nnz] = 1;
        nnz++;
      }
    }
    indptr[d + 1] = nnz;
  }
  return { indptr, ids: idsOut.subarray(0, nnz), tf: tfOut.subarray(0, nnz) };
}

/** Keeps vocabulary terms and sorts each row by column: the count matrix over the vocabulary. */
function keptCounts(counts: Counts, remap: Int32Array, cols: number): CSR {
  const rows = counts.indptr.length - 1;
  const indptr = new Int32Array(rows + 1);
  let nnz = 0;
  for (let k = 0; k < counts.ids.length; k++) if (remap[counts.ids[k]] >= 0) nnz++;
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  let p = 0;
  for (let d = 0; d < rows; d++) {
    const start = p;
    for (let k = counts.indptr[d]; k < counts.indptr[d + 1]; k++) {
      const j = remap[counts.ids[k]];
      if (j >= 0) indices[p++] = j;
    }
    indices.subarray(start, p).sort();
    indptr[d + 1] = p;
  }
  // Values in a second pass: look up each kept column's count.
  const tfOf = new Float64Array(cols);
  for (let d = 0; d < rows; d++) {
    for (let k = counts.indptr[d]; k < counts.indptr[d + 1]; k++) {
      const j = remap[counts.ids[k]];
      if (j >= 0) tfOf[j] = counts.tf[k];
    }
    for (let q = indptr[d]; q < indptr[d + 1]; q++) data[q] = tfOf[indices[q]];
  }
  return { rows, cols, indptr, indices, data };
}

/**
 * The TF-IDF matrix from a count matrix over the model's vocabulary (as {@link tfidfFitCounts} returns):
 * tf (or 1 + ln tf) x idf, then the model's row norm. The count matrix is not changed.
 */
export function tfidfWeigh(counts: CSR, model: TfidfModel): CSR {
  const { sublinearTf } = model.options;
  const idf = model.idf;
  const data = new Float64Array(counts.data.length);
  for (let q = 0; q < data.length; q++) {
    const tf = counts.data[q];
    data[q] = (sublinearTf ? 1 + detMath.log(tf) : tf) * idf[counts.indices[q]];
  }
  const X: CSR = {
    rows: counts.rows,
    cols: counts.cols,
    indptr: counts.indptr.slice(),
    indices: counts.indices.slice(),
    data,
  };
  return model.options.norm === "l2" ? csrNormalizeRows(X) : X;
}

function validateTfidf(o: TfidfOptions, n: number): void {
  if (!(o.minDf >= 0) || !Number.isFinite(o.minDf)) throw new RangeError(`Invalid minDf: ${o.minDf}`);
  if (!(o.maxDf >= 0) || !Number.isFinite(o.maxDf)) throw new RangeError(`Invalid maxDf: ${o.maxDf}`);
  if (o.norm !== "l2" && o.norm !== "none") throw new RangeError(`Invalid norm: ${String(o.norm)}`);
  if (n === 0) throw new RangeError("Invalid documents: the list is empty");
}
