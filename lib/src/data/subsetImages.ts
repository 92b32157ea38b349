import { seeded, shuffle } from "../core/random";
import { checkInteger } from "../core/validate";
import type { LabeledImages } from "./loadFashionMnist";

/**
 * A seeded random subset of `n` images of a split (without replacement, in shuffled order), copied into
 * new arrays: for a quick run of an experiment on a large training set (lecture §8, exercise 5).
 * `n >= count` returns a shuffled copy of the whole split.
 *
 * @param split the images and labels to draw from.
 * @param n how many images to keep (an integer >= 1).
 * @param seed the seed of the draw (default 0).
 * @example
 * const small = subsetImages(loadFashionMnist().train, 10000, 0);
 * [small.count, small.images.length]; //=> [10000, 7840000]
 */
export function subsetImages(split: LabeledImages, n: number, seed = 0): LabeledImages {
  checkInteger("subset size", n, 1);
  const size = split.rows * split.cols;
  if (split.images.length !== split.count * size || split.labels.length !== split.count) {
    throw new RangeError(
      `Invalid split: ${split.count} images of ${split.rows}x${split.cols} need ${split.count * size} pixels and ` +
        `${split.count} labels, got ${split.images.length} and ${split.labels.length}`,
    );
  }
  const count = Math.min(n, split.count);
  const order = new Int32Array(split.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  shuffle(seeded(seed), order);
  const images = new Float32Array(count * size);
  const labels = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const src = order[k];
    images.set(split.images.subarray(src * size, (src + 1) * size), k * size);
    labels[k] = split.labels[src];
  }
  return { count, rows: split.rows, cols: split.cols, images, labels };
}
