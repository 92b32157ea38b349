import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { subsetImages } from "../../../lib/src/data/subsetImages";
import type { LabeledImages } from "../../../lib/src/data/loadFashionMnist";

/** 10 images of 1x2 pixels: image k is [k, k + 0.5], label k. */
const split: LabeledImages = {
  count: 10,
  rows: 1,
  cols: 2,
  images: Float32Array.from({ length: 20 }, (_, i) => Math.floor(i / 2) + (i % 2) * 0.5),
  labels: Uint8Array.from({ length: 10 }, (_, k) => k),
};

describe("subsetImages", () => {
  it("keeps n distinct images with their own labels", () => {
    const s = subsetImages(split, 4, 1);
    assert.equal(s.count, 4);
    assert.equal(s.images.length, 8);
    assert.equal(new Set(s.labels).size, 4);
    for (let k = 0; k < 4; k++) {
      assert.equal(s.images[2 * k], s.labels[k]);
      assert.equal(s.images[2 * k + 1], s.labels[k] + 0.5);
    }
  });

  it("the same seed gives the same subset and another seed another one", () => {
    assert.deepEqual(subsetImages(split, 5, 3).labels, subsetImages(split, 5, 3).labels);
    assert.notDeepEqual(subsetImages(split, 5, 3).labels, subsetImages(split, 5, 4).labels);
  });

  it("n larger than the split gives all of it", () => {
    assert.deepEqual(
      Array.from(subsetImages(split, 50).labels).sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  });

  it("an invalid size is named", () => {
    assert.throws(() => subsetImages(split, 0), /subset size/);
  });
});
