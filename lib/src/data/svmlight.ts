/**
 * The svmlight / libsvm sparse text format, in which RCV1 (`rcv1_train.binary`) and many text data sets
 * are distributed. One sample per line:
 *
 * ```text
 * <label> [qid:<n>] <index>:<value> <index>:<value> ... [# comment]
 * ```
 *
 * Indices are 1-based by default (`zeroBased: false`, as svmlight and libsvm write them) and strictly
 * increasing within a line; a feature not listed is 0. Reading is streaming: the file is read in chunks
 * of about 1 MiB (the platform's), never whole, and every error names the file and line, e.g.
 * `rcv1_train.binary:17: feature index 0 is not >= 1`.
 */
import { platform } from "../core/platform";
import { checkOptionKeys } from "../core/validate";
import type { CSR } from "../sparse/csr";

/** Options of {@link readSvmlight} and {@link parseSvmlight}. */
export interface SvmlightReadOptions {
  /** Indices in the file start at 0 rather than 1. Default false. */
  zeroBased?: boolean;
  /** Number of features (columns); default: the largest index seen. A larger index is an error. */
  nFeatures?: number;
  /**
   * Map labels to 0/1 for binary classification: a label > 0 becomes 1, any other becomes 0 (RCV1's
   * +1/-1 become 1/0). Default false: labels are returned as written.
   */
  binary?: boolean;
}

/** A labelled sparse data set: features `X` (one row per sample) and labels `y`. */
export interface SparseDataset {
  X: CSR;
  y: Float64Array;
}

/** Parses svmlight text lines one at a time into growing typed arrays. */
class SvmlightParser {
  private indptr: Int32Array = new Int32Array(1024);
  private indices: Int32Array = new Int32Array(1 << 16);
  private data: Float64Array = new Float64Array(1 << 16);
  private labels: Float64Array = new Float64Array(1024);
  private rows = 0;
  private nnz = 0;
  private maxIndex = -1;
  private readonly base: number;

  constructor(
    private readonly name: string,
    private readonly options: SvmlightReadOptions,
  ) {
    checkOptionKeys("readSvmlight", options, ["zeroBased", "nFeatures", "binary"]);
    this.base = options.zeroBased ? 0 : 1;
    const nf = options.nFeatures;
    if (nf !== undefined && (!Number.isInteger(nf) || nf < 0)) {
      throw new RangeError(`Invalid nFeatures: ${nf}`);
    }
  }

  line(text: string, lineNo: number): void {
    const hash = text.indexOf("#");
    const body = (hash >= 0 ? text.slice(0, hash) : text).trim();
    if (body === "") return;
    const where = `${this.name}:${lineNo}`;
    const tokens = body.split(/\s+/);
    const label = Number(tokens[0]);
    if (!Number.isFinite(label)) throw new SyntaxError(`${where}: invalid label '${tokens[0]}'`);
    if (this.rows + 1 >= this.indptr.length) {
      this.indptr = growInt32(this.indptr, this.indptr.length * 2);
      this.labels = growFloat64(this.labels, this.labels.length * 2);
    }
    this.labels[this.rows] = this.options.binary ? (label > 0 ? 1 : 0) : label;
    const nf = this.options.nFeatures;
    let prev = -1;
    for (let t = 1; t < tokens.length; t++) {
      const tok = tokens[t];
      const colon = tok.indexOf(":");
      if (colon <= 0 || colon === tok.length - 1) {
        throw new SyntaxError(`${where}: expected <index>:<value>, got '${tok}'`);
      }
      const key = tok.slice(0, colon);
      if (key === "qid") {
        if (t !== 1) throw new SyntaxError(`${where}: qid must come right after the label, got '${tok}'`);
        continue;
      }
      const index = Number(key);
      if (!Number.isInteger(index) || !/^[+-]?\d+$/.test(key)) {
        throw new SyntaxError(`${where}: invalid feature index '${key}'`);
      }
      if (index < this.base) throw new RangeError(`${where}: feature index ${index} is not >= ${this.base}`);
      const j = index - this.base;
      if (j <= prev) {
        throw new RangeError(
          `${where}: feature index ${index} after ${prev + this.base} (indices must increase within a line)`,
        );
      }
      if (nf !== undefined && j >= nf) {
        throw new RangeError(`${where}: feature index ${index} is beyond nFeatures = ${nf}`);
      }
      if (j > 2147483646) throw new RangeError(`${where}: feature index ${index} is too large`);
      const valueText = tok.slice(colon + 1);
      const value = Number(valueText);
      if (!Number.isFinite(value) || /^0[xob]/i.test(valueText)) {
        throw new SyntaxError(`${where}: invalid value '${valueText}' for feature ${index}`);
      }
      prev = j;
      if (this.nnz >= this.indices.length) {
        this.indices = growInt32(this.indices, this.indices.length * 2);
        this.data = growFloat64(this.data, this.data.length * 2);
      }
      this.indices[this.nnz] = j;
      this.data[this.nnz] = value;
      this.nnz++;
    }
    if (prev > this.maxIndex) this.maxIndex = prev;
    this.rows++;
    this.indptr[this.rows] = this.nnz;
  }

  result(): SparseDataset {
    const cols = this.options.nFeatures ?? this.maxIndex + 1;
    return {
      X: {
        rows: this.rows,
        cols,
        indptr: this.indptr.slice(0, this.rows + 1),
        indices: this.indices.slice(0, this.nnz),
        data: this.data.slice(0, this.nnz),
      },
      y: this.labels.slice(0, this.rows),
    };
  }
}

function growInt32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

function growFloat64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

/**
 * Parses svmlight text held in a string. `name` is used in error messages (default "<string>").
 *
 * @example
 * const { X, y } = parseSvmlight("1 1:0.5 3:2\n-1 2:1\n");
 * X.indptr; //=> Int32Array [0, 2, 3]
 * X.indices; //=> Int32Array [0, 2, 1]
 * y; //=> Float64Array [1, -1]
 */
export function parseSvmlight(
  text: string,
  options: SvmlightReadOptions = {},
  name = "<string>",
): SparseDataset {
  const parser = new SvmlightParser(name, options);
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) parser.line(lines[i], i + 1);
  return parser.result();
}

/**
 * Reads an svmlight / libsvm file, streaming it in chunks. Errors name the file and line.
 *
 * @example
 * const { X, y } = readSvmlight("rcv1_train.binary", { binary: true });
 * [X.rows, X.cols]; //=> [20242, 47236] for the libsvm copy of RCV1-train
 */
export function readSvmlight(file: string, options: SvmlightReadOptions = {}): SparseDataset {
  const parser = new SvmlightParser(file, options);
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  let lineNo = 0;
  const lines = (chunk: string) => {
    let start = 0;
    for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", start)) {
      parser.line(chunk.slice(start, nl), ++lineNo);
      start = nl + 1;
    }
    rest = chunk.slice(start);
  };
  for (const bytes of platform().readChunks(file)) lines(rest + decoder.decode(bytes, { stream: true }));
  lines(rest + decoder.decode());
  if (rest !== "") parser.line(rest, ++lineNo);
  return parser.result();
}

/** Options of {@link writeSvmlight}. */
export interface SvmlightWriteOptions {
  /** Write 0-based indices. Default false (1-based, as svmlight and libsvm). */
  zeroBased?: boolean;
}

/** Formats sample `i` of (X, y) as one svmlight line (without the newline). */
export function svmlightLine(X: CSR, y: ArrayLike<number>, i: number, zeroBased = false): string {
  const base = zeroBased ? 0 : 1;
  let line = String(y[i]);
  for (let k = X.indptr[i]; k < X.indptr[i + 1]; k++) line += ` ${X.indices[k] + base}:${X.data[k]}`;
  return line;
}

/**
 * Writes (X, y) as an svmlight file, streaming in chunks of about 1 MiB. Values are written with
 * JavaScript's shortest round-trip formatting, so {@link readSvmlight} gives back the same doubles.
 */
export function writeSvmlight(
  file: string,
  X: CSR,
  y: ArrayLike<number>,
  options: SvmlightWriteOptions = {},
): void {
  checkOptionKeys("writeSvmlight", options, ["zeroBased"]);
  if (y.length !== X.rows)
    throw new RangeError(`Mismatched lengths: X has ${X.rows} rows, y has ${y.length}`);
  function* chunks(): Generator<string> {
    let chunk = "";
    for (let i = 0; i < X.rows; i++) {
      chunk += svmlightLine(X, y, i, options.zeroBased) + "\n";
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk !== "") yield chunk;
  }
  platform().writeFile(file, chunks());
}
