import type { Matrix } from "../core/types";

/**
 * The squared loss of linear regression and its gradient, averaged over a minibatch (D2L's
 * `squared_loss(linreg(X, w, b), y).mean()`), with the parameters packed as θ = [w_1 … w_d, b]:
 * $$\begin{aligned}
 * r_i &\leftarrow x_i^\top w + b - y_i \\
 * L &\leftarrow \tfrac{1}{|B|} \textstyle\sum_{i \in B} r_i^2 / 2 \\
 * \nabla_w L &\leftarrow \tfrac{1}{|B|} \textstyle\sum_{i \in B} r_i x_i, \quad \nabla_b L \leftarrow \tfrac{1}{|B|} \textstyle\sum_{i \in B} r_i
 * \end{aligned}$$
 * Allocates nothing: the gradient goes into `grad` (length d + 1) when given.
 *
 * @param X rows x d features (row-major)
 * @param y targets, length rows
 * @param params θ = [w, b], length d + 1
 * @param grad output for ∇L (overwritten), or null for the loss alone
 * @param index the rows of the minibatch B (default: every row)
 * @param start, count the slice index[start .. start + count) is the minibatch (default: all of index)
 * @returns the mean loss L
 * @example
 * const X = { rows: 2, cols: 1, data: Float64Array.of(1, 2) };
 * const g = new Float64Array(2);
 * linearRegressionLossGrad(X, Float64Array.of(1, 3), Float64Array.of(1, 0), g); //=> 0.25 (r = [0, -1])
 * g; //=> Float64Array [-1, -0.5]
 */
export function linearRegressionLossGrad(
  X: Matrix,
  y: ArrayLike<number>,
  params: Float64Array,
  grad: Float64Array | null,
  index?: ArrayLike<number>,
  start = 0,
  count?: number,
): number {
  const d = X.cols;
  if (params.length !== d + 1) {
    throw new RangeError(`Mismatched lengths for params and X: ${params.length} and ${d} features + 1`);
  }
  if (grad !== null && grad.length !== d + 1) {
    throw new RangeError(`Mismatched lengths for grad and params: ${grad.length} and ${d + 1}`);
  }
  if (y.length !== X.rows)
    throw new RangeError(`Mismatched lengths for y and X: ${y.length} and ${X.rows} rows`);
  const n = count ?? (index ? index.length - start : X.rows - start);
  if (n <= 0) throw new RangeError(`Invalid minibatch size: ${n}`);
  if (grad !== null) grad.fill(0);
  const b = params[d];
  let loss = 0;
  for (let k = 0; k < n; k++) {
    const i = index ? index[start + k] : start + k;
    const off = i * d;
    let r = b - y[i];
    for (let j = 0; j < d; j++) r += X.data[off + j] * params[j];
    loss += r * r;
    if (grad !== null) {
      for (let j = 0; j < d; j++) grad[j] += r * X.data[off + j];
      grad[d] += r;
    }
  }
  if (grad !== null) for (let j = 0; j <= d; j++) grad[j] /= n;
  return loss / (2 * n);
}
