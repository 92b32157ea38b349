import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { tfidfFitTransform, tfidfTransform, tfidfFit } from "../../../lib/src/sparse/tfidf";
import { csrToDense } from "../../../lib/src/sparse/csr";

const DOCS = ["The cat sat", "the cat ran", "a dog ran", "spam spam spam, cat!"];

/** Asserts that a dense row equals `expected` to 1e-15 (relative to 1). */
function rowClose(actual: ArrayLike<number>, expected: number[]): void {
  assert.equal(actual.length, expected.length);
  for (let j = 0; j < expected.length; j++) {
    assert.ok(Math.abs(actual[j] - expected[j]) < 1e-15, `entry ${j}: ${actual[j]} vs ${expected[j]}`);
  }
}

describe("tfidfFitTransform, worked by hand (scikit-learn's TfidfVectorizer gives the same numbers)", () => {
  // Tokens: d0 [the, cat, sat]  d1 [the, cat, ran]  d2 [dog, ran] ("a" has one letter)  d3 [spam x3, cat]
  // Vocabulary, sorted: cat dog ran sat spam the;  n = 4;  df = cat 3, dog 1, ran 2, sat 1, spam 1, the 2.
  // idf_t = ln((1 + n) / (1 + df_t)) + 1.
  const idfOf = (df: number): number => Math.log(5 / (1 + df)) + 1;
  const [cat, rare, two] = [idfOf(3), idfOf(1), idfOf(2)]; // 1.2231, 1.9163, 1.5108 (sklearn's idf_)

  it("builds the sorted vocabulary and sklearn's smooth idf", () => {
    const { model } = tfidfFitTransform(DOCS);
    assert.deepEqual(model.vocabulary, ["cat", "dog", "ran", "sat", "spam", "the"]);
    rowClose(model.idf, [cat, rare, two, rare, rare, two]);
  });

  it("weighs tf x idf and normalises each row to unit length", () => {
    const { X } = tfidfFitTransform(DOCS);
    const dense = csrToDense(X);
    // d0 = [cat, 0, 0, rare, 0, two] / sqrt(cat^2 + rare^2 + two^2) = [0.4481, 0, 0, 0.702035, 0, 0.553492]
    const n0 = Math.hypot(cat, rare, two);
    rowClose(dense.subarray(0, 6), [cat / n0, 0, 0, rare / n0, 0, two / n0]);
    // d3: tf(spam) = 3: [cat, 0, 0, 0, 3 rare, 0] / norm = [0.208104, 0, 0, 0, 0.978107, 0]
    const n3 = Math.hypot(cat, 3 * rare);
    rowClose(dense.subarray(18, 24), [cat / n3, 0, 0, 0, (3 * rare) / n3, 0]);
  });

  it("sublinearTf uses 1 + ln(tf): d3 becomes [0.290986, 0, 0, 0, 0.956727, 0]", () => {
    const { X } = tfidfFitTransform(DOCS, { sublinearTf: true });
    const spam = (1 + Math.log(3)) * rare;
    const n3 = Math.hypot(cat, spam);
    rowClose(csrToDense(X).subarray(18, 24), [cat / n3, 0, 0, 0, spam / n3, 0]);
  });

  it("minDf 2 keeps cat, ran, the; idf still counts all 4 documents", () => {
    const { model, X } = tfidfFitTransform(DOCS, { minDf: 2 });
    assert.deepEqual(model.vocabulary, ["cat", "ran", "the"]);
    rowClose(model.idf, [cat, two, two]);
    rowClose(csrToDense(X).subarray(6, 9), [0, 1, 0]); // d2 keeps only "ran"
  });

  it("a fraction minDf keeps terms in at least that share of documents", () => {
    assert.deepEqual(tfidfFit(DOCS, { minDf: 0.6 }).vocabulary, ["cat"]);
    assert.deepEqual(tfidfFit(DOCS, { maxDf: 0.5 }).vocabulary, ["dog", "ran", "sat", "spam", "the"]);
  });

  it("norm none and smoothIdf false give raw tf x (ln(n / df) + 1)", () => {
    const { X } = tfidfFitTransform(DOCS, { norm: "none", smoothIdf: false });
    rowClose(csrToDense(X).subarray(18, 24), [Math.log(4 / 3) + 1, 0, 0, 0, 3 * (Math.log(4) + 1), 0]);
  });

  it("transform ignores unknown terms and reuses the fitted idf", () => {
    const model = tfidfFit(DOCS);
    const X = tfidfTransform(model, ["cat zebra zebra", "unknown words only"]);
    assert.equal(X.cols, 6);
    rowClose(csrToDense(X), [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("rejects an empty list and bad options", () => {
    assert.throws(() => tfidfFitTransform([]), /Invalid documents: the list is empty/);
    assert.throws(() => tfidfFitTransform(DOCS, { minDf: -1 }), /Invalid minDf: -1/);
    assert.throws(() => tfidfFitTransform([1 as unknown as string]), /Invalid document at index 0/);
  });
});
