import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadSpamAssassin } from "../../../lib/src/data/loadSpamAssassin";
import { csrValidate, csrColumnCounts } from "../../../lib/src/sparse/csr";
import { trainLogistic } from "../../../lib/src/sparse/trainLogistic";

const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "spam-cache-"));
after(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

describe("loadSpamAssassin", () => {
  it("builds the 6,046 x 48,407 TF-IDF matrix with sklearn's 1,583,489 non-zeros, then reads it from the cache", () => {
    const built = loadSpamAssassin({ cacheDir });
    assert.equal(built.fromCache, false);
    const { X, y } = built;
    csrValidate(X);
    // scikit-learn: TfidfVectorizer(min_df=2).fit_transform(texts) has shape (6046, 48407), nnz 1583489.
    assert.deepEqual([X.rows, X.cols, X.indptr[X.rows]], [6046, 48407, 1583489]);
    assert.equal(
      y.reduce((a, b) => a + b, 0),
      500 + 1396,
    ); // spam-1 + spam-2
    assert.equal(built.groups.filter((g) => g.startsWith("spam")).length, 1896);
    assert.equal(built.vocabulary.length, X.cols);
    // Every kept term is in at least minDf = 2 e-mails.
    assert.ok(csrColumnCounts(X).every((c) => c >= 2));

    const cached = loadSpamAssassin({ cacheDir });
    assert.equal(cached.fromCache, true);
    assert.deepEqual(cached.X, X);
    assert.deepEqual(cached.y, y);
    assert.deepEqual(cached.vocabulary, built.vocabulary);
    assert.deepEqual(cached.idf, built.idf);
  });

  it("other options miss the cache and build their own matrix", () => {
    const sub = loadSpamAssassin({ cacheDir, minDf: 5, sublinearTf: true });
    assert.equal(sub.fromCache, false);
    assert.equal(sub.X.cols, 19382); // sklearn, min_df=5
    assert.equal(fs.readdirSync(cacheDir).length, 2);
  });
});

describe("the lecture's SGD-vs-Adagrad setup on SpamAssassin (trainLogistic's @example)", () => {
  it("20 per-sample epochs: SGD lr 0.01 ends at loss 0.1562, Adagrad lr 0.1 eps 1e-8 at 0.0126", () => {
    const { X, y } = loadSpamAssassin({ cacheDir });
    const sgd = trainLogistic(X, y, { optimizer: "SGD", lr: 0.01, epochs: 20 });
    const ada = trainLogistic(X, y, { optimizer: "Adagrad", lr: 0.1, epochs: 20, eps: 1e-8 });
    const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;
    assert.deepEqual([round4(sgd.epochLoss[20]), round4(ada.epochLoss[20])], [0.1562, 0.0126]);
    assert.deepEqual([round4(sgd.epochAccuracy[20]), round4(ada.epochAccuracy[20])], [0.9608, 0.9992]);
    // Adagrad's per-feature rates: the rarest features (in 2 e-mails) keep far larger steps than the
    // most common one ("date", in every e-mail's header).
    const counts = csrColumnCounts(X);
    const common = counts.indexOf(X.rows);
    const rare = counts.indexOf(2);
    assert.ok(ada.effectiveLr[rare] > 10 * ada.effectiveLr[common]);
  });
});
