/**
 * Encodes unsigned bytes as an uncompressed IDX file (type 0x08), the inverse of `parseIdx`. Used to write
 * the shipped Fashion-MNIST subset (scripts/make-fashion-mnist-subset.ts); gzip the result to store it.
 *
 * @param dims sizes of the dimensions, outermost first; their product must be `data.length`
 * @example
 * encodeIdx([2], Uint8Array.of(7, 9)); //=> Uint8Array [0, 0, 8, 1, 0, 0, 0, 2, 7, 9]
 */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  if (dims.length === 0 || dims.length > 255)
    throw new RangeError(`Invalid IDX dimension count: ${dims.length}`);
  let count = 1;
  for (const n of dims) {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`Invalid IDX dimension: ${n}`);
    count *= n;
  }
  if (count !== data.length) {
    throw new RangeError(`IDX dimensions [${dims.join(", ")}] need ${count} bytes, got ${data.length}`);
  }
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = 0x08;
  out[3] = dims.length;
  dims.forEach((n, k) => view.setUint32(4 + 4 * k, n, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}
