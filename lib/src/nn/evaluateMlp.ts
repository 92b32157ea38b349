import type { Mlp } from "./mlp";
import { mlpForward } from "./mlpForward";
import { softmaxCrossEntropy } from "./softmaxCrossEntropy";

/** Loss and accuracy of a model on a labelled set. */
export interface Evaluation {
  /** Mean softmax cross-entropy. */
  loss: number;
  /** Fraction of rows whose largest logit is at the label (ties: the first). */
  accuracy: number;
  count: number;
}

/**
 * Evaluates `model` on `count` rows of `images` (count x sizes[0]) with their `labels`, in chunks of the
 * model's maxBatch rows. Nothing is allocated per chunk.
 *
 * @example
 * const model = createMlp({ sizes: [784, 128, 10], seed: 0 });
 * evaluateMlp(model, loadFashionMnist({ subset: true }).test);
 * //=> { loss: 2.4390480177694176, accuracy: 0.112, count: 1000 } (untrained: about chance, 1 in 10)
 */
export function evaluateMlp(
  model: Mlp,
  data: { images: Float32Array; labels: Uint8Array; count: number },
): Evaluation {
  const { images, labels, count } = data;
  const n0 = model.sizes[0];
  const classes = model.sizes[model.sizes.length - 1];
  if (images.length !== count * n0) {
    throw new RangeError(`Images have ${images.length} values, ${count} rows of ${n0} need ${count * n0}`);
  }
  let loss = 0;
  let correct = 0;
  for (let start = 0; start < count; start += model.maxBatch) {
    const c = Math.min(model.maxBatch, count - start);
    const logits = mlpForward(model, images.subarray(start * n0, (start + c) * n0), c);
    const chunkLabels = labels.subarray(start, start + c);
    loss += c * softmaxCrossEntropy(c, classes, logits, chunkLabels, null);
    for (let i = 0; i < c; i++) {
      let best = 0;
      for (let k = 1; k < classes; k++) if (logits[i * classes + k] > logits[i * classes + best]) best = k;
      if (best === chunkLabels[i]) correct++;
    }
  }
  return { loss: loss / count, accuracy: correct / count, count };
}
