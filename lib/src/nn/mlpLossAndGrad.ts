import type { Mlp } from "./mlp";
import { mlpForward } from "./mlpForward";
import { softmaxCrossEntropy } from "./softmaxCrossEntropy";

/**
 * Mean softmax cross-entropy of a batch and its gradient: the forward pass, then backpropagation into the
 * model's flat `grads` vector (every layer's dW, db; overwritten, not accumulated). Returns the mean loss.
 * `X` holds `count` rows of sizes[0] inputs; `labels` the count class indices.
 *
 * $$\begin{aligned} \delta_L &= (\operatorname{softmax}(z_L) - Y) / n \\ \nabla W_l &= a_{l-1}^\top \delta_l \\
 * \nabla b_l &= \delta_l^\top \mathbf 1 \\ \delta_{l-1} &= (\delta_l W_l^\top) \odot [a_{l-1} > 0] \end{aligned}$$
 *
 * @example
 * const model = createMlp({ sizes: [2, 3, 2] });
 * mlpLossAndGrad(model, new Float32Array(2), [1], 1); //=> 0.6931471805599453 (zero input: logits [0, 0], loss log 2)
 * model.layers[1].db; //=> Float32Array [0.5, -0.5]
 */
export function mlpLossAndGrad(
  model: Mlp,
  X: Float32Array,
  labels: ArrayLike<number>,
  count: number,
): number {
  const ws = model.workspace;
  const L = model.layers.length;
  const classes = model.sizes[L];
  for (let i = 0; i < count; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= classes)
      throw new RangeError(`Invalid label at index ${i}: ${y}`);
  }
  const logits = mlpForward(model, X, count);
  let delta = ws.delta[0];
  let other = ws.delta[1];
  const loss = softmaxCrossEntropy(count, classes, logits, labels, delta);
  for (let l = L - 1; l >= 0; l--) {
    const { inputs, outputs, W, dW, db } = model.layers[l];
    const prev = l === 0 ? ws.x : ws.acts[l - 1];
    ws.gemm(true, false, inputs, outputs, count, prev, delta, dW);
    db.fill(0);
    for (let i = 0; i < count; i++) {
      const row = i * outputs;
      for (let j = 0; j < outputs; j++) db[j] += delta[row + j];
    }
    if (l === 0) break;
    const wt = ws.wt;
    for (let p = 0; p < inputs; p++) {
      for (let j = 0; j < outputs; j++) wt[j * inputs + p] = W[p * outputs + j];
    }
    ws.gemm(false, false, count, inputs, outputs, delta, wt, other);
    const n = count * inputs;
    for (let k = 0; k < n; k++) if (prev[k] <= 0) other[k] = 0;
    const t = delta;
    delta = other;
    other = t;
  }
  return loss;
}
