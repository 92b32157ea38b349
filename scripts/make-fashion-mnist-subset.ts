/**
 * Makes datasets/fashion-mnist-subset/: a small stratified, seeded subset of Fashion-MNIST that ships with
 * the course and is used when the full set is absent.
 *
 *   npx tsx scripts/make-fashion-mnist-subset.ts [--from /usr/share/datasets/fashion-mnist] [--train 600] [--test 100]
 *
 * From each class it takes the first `--train` images of a seeded shuffle of that class in the training
 * split (and `--test` from the test split), then shuffles the union with the same seed, and writes the
 * four IDX files gzip-compressed (level 9). The same inputs give byte-identical files.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { seeded, shuffle, readIdx, encodeIdx, FASHION_MNIST_DEBIAN_PATH } from "@dlopt/lib";

const SEED = 20171 as const;

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(name);
  return k >= 0 && k + 1 < process.argv.length ? process.argv[k + 1] : fallback;
}

function subset(from: string, prefix: string, perClass: number, out: string, seed: number): void {
  const img = readIdx(path.join(from, `${prefix}-images-idx3-ubyte.gz`));
  const lab = readIdx(path.join(from, `${prefix}-labels-idx1-ubyte.gz`));
  const [, rows, cols] = img.dims;
  const size = rows * cols;
  const rng = seeded(seed);
  const chosen: number[] = [];
  for (let c = 0; c < 10; c++) {
    const ofClass = Int32Array.from([...lab.data.keys()].filter((k) => lab.data[k] === c));
    if (ofClass.length < perClass) throw new Error(`${prefix}: class ${c} has only ${ofClass.length} images`);
    chosen.push(...shuffle(rng, ofClass).subarray(0, perClass));
  }
  const order = shuffle(rng, Int32Array.from(chosen));
  const images = new Uint8Array(order.length * size);
  const labels = new Uint8Array(order.length);
  order.forEach((k, i) => {
    images.set(img.data.subarray(k * size, (k + 1) * size), i * size);
    labels[i] = lab.data[k];
  });
  const write = (name: string, bytes: Uint8Array) =>
    fs.writeFileSync(path.join(out, name), zlib.gzipSync(bytes, { level: 9 }));
  write(`${prefix}-images-idx3-ubyte.gz`, encodeIdx([order.length, rows, cols], images));
  write(`${prefix}-labels-idx1-ubyte.gz`, encodeIdx([order.length], labels));
  console.log(`${prefix}: ${order.length} images (${perClass} per class)`);
}

const from = arg("--from", FASHION_MNIST_DEBIAN_PATH);
const out = path.resolve(__dirname, "..", "datasets", "fashion-mnist-subset");
fs.mkdirSync(out, { recursive: true });
subset(from, "train", Number(arg("--train", "600")), out, SEED);
subset(from, "t10k", Number(arg("--test", "100")), out, SEED + 1);
