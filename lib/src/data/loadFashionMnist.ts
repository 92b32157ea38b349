import { joinPath, platform } from "../core/platform";
import { checkOptionKeys } from "../core/validate";
import { readIdx } from "./readIdx";

/** Where Debian's `dataset-fashion-mnist` package puts the four IDX files. */
export const FASHION_MNIST_DEBIAN_PATH = "/usr/share/datasets/fashion-mnist";

/** The ten classes of Fashion-MNIST, indexed by label. */
export const FASHION_MNIST_CLASSES: readonly string[] = [
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot",
];

/** Labelled images: `count` images of `rows x cols` pixels, row after row, scaled from bytes to [0, 1]. */
export interface LabeledImages {
  count: number;
  rows: number;
  cols: number;
  /** count * rows * cols pixels: image k is `images.subarray(k * rows * cols, (k + 1) * rows * cols)`. */
  images: Float32Array;
  /** count labels in 0..9. */
  labels: Uint8Array;
}

/** Fashion-MNIST as loaded: both splits and which copy was used. */
export interface FashionMnist {
  train: LabeledImages;
  test: LabeledImages;
  /** "full": the 60,000 + 10,000 images; "subset": the small stratified subset shipped with the course. */
  source: "full" | "subset";
  /** The folder the files were read from. */
  dir: string;
}

export interface LoadFashionMnistOptions {
  /**
   * Folder holding `train-images-idx3-ubyte(.gz)`, `train-labels-idx1-ubyte(.gz)`, `t10k-images-idx3-ubyte(.gz)`,
   * `t10k-labels-idx1-ubyte(.gz)`. When given it must exist: there is no silent fallback. Default: Debian's
   * {@link FASHION_MNIST_DEBIAN_PATH} if present, else the shipped subset.
   */
  path?: string;
  /**
   * true: load the shipped subset (`fashion-mnist-subset` of the `@dlopt/datasets` package) even if the
   * full set is present.
   */
  subset?: boolean;
}

/**
 * Loads Fashion-MNIST (Xiao, Rasul and Vollgraf 2017, Zalando Research, MIT licence). Pixels become
 * Float32Array values in [0, 1] (byte / 255); `source` says whether the full set or the shipped subset
 * was used, so a notebook can print it.
 *
 * @example
 * const data = loadFashionMnist();
 * [data.source, data.train.count, data.test.count]; //=> [ 'full', 60000, 10000 ] where Debian's package is installed
 * loadFashionMnist({ subset: true }).train.count;   //=> 6000
 */
export function loadFashionMnist(options: LoadFashionMnistOptions = {}): FashionMnist {
  checkOptionKeys("loadFashionMnist", options, ["path", "subset"]);
  let dir: string;
  if (options.subset) dir = fashionMnistSubsetPath();
  else if (options.path !== undefined) dir = options.path;
  else
    dir = hasFashionMnist(FASHION_MNIST_DEBIAN_PATH) ? FASHION_MNIST_DEBIAN_PATH : fashionMnistSubsetPath();
  if (!platform().exists(dir)) throw new Error(`Fashion-MNIST folder not found: ${dir}`);
  const train = loadSplit(dir, "train");
  const test = loadSplit(dir, "t10k");
  const source = train.count === 60000 && test.count === 10000 ? "full" : "subset";
  return { train, test, source, dir };
}

/**
 * The folder of the subset shipped with the course, in the `@dlopt/datasets` package (made by
 * scripts/make-fashion-mnist-subset.ts).
 */
export function fashionMnistSubsetPath(): string {
  return platform().resolve("@dlopt/datasets/fashion-mnist-subset");
}

function hasFashionMnist(dir: string): boolean {
  return [
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
  ].every((name) => findFile(dir, name) !== null);
}

function findFile(dir: string, name: string): string | null {
  for (const candidate of [name + ".gz", name]) {
    const file = joinPath(dir, candidate);
    if (platform().exists(file)) return file;
  }
  return null;
}

function loadSplit(dir: string, prefix: "train" | "t10k"): LabeledImages {
  const imageFile = findFile(dir, `${prefix}-images-idx3-ubyte`);
  const labelFile = findFile(dir, `${prefix}-labels-idx1-ubyte`);
  if (imageFile === null)
    throw new Error(`Fashion-MNIST file not found: ${joinPath(dir, `${prefix}-images-idx3-ubyte.gz`)}`);
  if (labelFile === null)
    throw new Error(`Fashion-MNIST file not found: ${joinPath(dir, `${prefix}-labels-idx1-ubyte.gz`)}`);
  const img = readIdx(imageFile);
  const lab = readIdx(labelFile);
  if (img.dims.length !== 3)
    throw new Error(`${imageFile}: offset 3: expected 3 dimensions, found ${img.dims.length}`);
  if (lab.dims.length !== 1)
    throw new Error(`${labelFile}: offset 3: expected 1 dimension, found ${lab.dims.length}`);
  const [count, rows, cols] = img.dims;
  if (lab.dims[0] !== count) {
    throw new Error(`${labelFile}: offset 4: ${lab.dims[0]} labels for ${count} images in ${imageFile}`);
  }
  const header = 4 + 4 * lab.dims.length;
  for (let k = 0; k < count; k++) {
    if (lab.data[k] > 9)
      throw new Error(`${labelFile}: offset ${header + k}: label ${lab.data[k]} is not in 0..9`);
  }
  const images = new Float32Array(img.data.length);
  for (let i = 0; i < images.length; i++) images[i] = img.data[i] / 255;
  return { count, rows, cols, images, labels: Uint8Array.from(lab.data) };
}
