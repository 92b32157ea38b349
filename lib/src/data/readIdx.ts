import { platform } from "../core/platform";

/** An IDX array (the format of MNIST and Fashion-MNIST): its dimensions and its unsigned bytes, row-major. */
export interface Idx {
  /** Sizes of the dimensions, outermost first: [60000, 28, 28] for Fashion-MNIST's training images. */
  dims: number[];
  /** The entries, row-major; `data.length` is the product of `dims`. */
  data: Uint8Array;
}

/**
 * Reads an IDX file of unsigned bytes (type 0x08), gzip-compressed or not (told apart by the gzip magic
 * bytes, not by the name). Errors name the file and the byte offset where the problem lies.
 *
 * The format (yann.lecun.com/exdb/mnist): bytes 0-1 are zero, byte 2 is the type (0x08 = unsigned byte),
 * byte 3 the number of dimensions d; then d big-endian 32-bit sizes; then the data.
 *
 * @param file path of e.g. `train-images-idx3-ubyte.gz`
 * @example
 * const { dims } = readIdx("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz");
 * dims; //=> [ 10000 ]
 */
export function readIdx(file: string): Idx {
  let bytes: Uint8Array;
  try {
    bytes = platform().readFile(file);
  } catch (e) {
    throw new Error(`Cannot read IDX file ${file}: ${(e as Error).message}`);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = platform().gunzip(bytes);
    } catch (e) {
      throw new Error(`${file}: not a valid gzip file (${(e as Error).message})`);
    }
  }
  return parseIdx(bytes, file);
}

/** Parses the bytes of an uncompressed IDX file; `file` only names it in error messages. */
export function parseIdx(bytes: Uint8Array, file = "<bytes>"): Idx {
  if (bytes.length < 4)
    throw new Error(`${file}: offset 0: file too short for an IDX header (${bytes.length} bytes)`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(`${file}: offset 0: bad IDX magic 0x${hex(bytes[0])}${hex(bytes[1])}, expected 0x0000`);
  }
  if (bytes[2] !== 0x08) {
    throw new Error(
      `${file}: offset 2: IDX type 0x${hex(bytes[2])} is not supported (only 0x08, unsigned byte)`,
    );
  }
  const d = bytes[3];
  if (d === 0) throw new Error(`${file}: offset 3: IDX file has 0 dimensions`);
  const header = 4 + 4 * d;
  if (bytes.length < header) {
    throw new Error(`${file}: offset ${bytes.length}: header of ${d} dimensions needs ${header} bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let count = 1;
  for (let k = 0; k < d; k++) {
    const n = view.getUint32(4 + 4 * k, false);
    dims.push(n);
    count *= n;
  }
  if (bytes.length - header !== count) {
    throw new Error(
      `${file}: offset ${header}: dimensions [${dims.join(", ")}] need ${count} bytes of data, found ${bytes.length - header}`,
    );
  }
  return { dims, data: bytes.subarray(header) };
}

function hex(b: number): string {
  return b.toString(16).padStart(2, "0");
}
