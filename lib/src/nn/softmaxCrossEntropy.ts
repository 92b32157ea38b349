import { detMath } from "../core/detMath";

/**
 * Mean softmax cross-entropy of `count` rows of logits (count x classes, row-major) against integer
 * labels, computed stably with the log-sum-exp shift; when `dlogits` is given, also writes the gradient of
 * the mean loss with respect to the logits into it, (softmax - onehot) / count. Returns the mean loss.
 *
 * $$\begin{aligned} m_i &= \max_k z_{ik} \\ \ell_i &= m_i + \log \textstyle\sum_k e^{z_{ik} - m_i} - z_{i y_i} \\
 * L &= \tfrac{1}{n} \textstyle\sum_i \ell_i \\ \partial L / \partial z_{ik} &= \left(e^{z_{ik} - m_i} / \textstyle\sum_k e^{z_{ik} - m_i} - [k = y_i]\right) / n \end{aligned}$$
 *
 * @example
 * softmaxCrossEntropy(1, 2, Float32Array.of(1000, 0), [0], null); //=> 0 (no overflow: the shift makes it exp(0))
 * softmaxCrossEntropy(1, 2, Float32Array.of(0, 0), [1], null);    //=> 0.6931471805599453 (log 2)
 */
export function softmaxCrossEntropy(
  count: number,
  classes: number,
  logits: Float32Array,
  labels: ArrayLike<number>,
  dlogits: Float32Array | null,
): number {
  let total = 0;
  for (let i = 0; i < count; i++) {
    const row = i * classes;
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, logits[row + k]);
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += detMath.exp(logits[row + k] - max);
    const y = labels[i];
    total += max + detMath.log(sum) - logits[row + y];
    if (dlogits !== null) {
      for (let k = 0; k < classes; k++) {
        dlogits[row + k] = (detMath.exp(logits[row + k] - max) / sum - (k === y ? 1 : 0)) / count;
      }
    }
  }
  return total / count;
}
