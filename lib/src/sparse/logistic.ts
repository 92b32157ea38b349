/**
 * Logistic regression on sparse (CSR) features: a numerically stable sigmoid and binary cross-entropy
 * with logits (torch's `BCEWithLogitsLoss`), the full-data loss and accuracy, and the mean gradient.
 *
 * For a sample x with label y in {0, 1} and logit z = w·x + b:
 *
 * $$\begin{aligned}
 * \ell(z, y) &= \max(z, 0) - z y + \log\bigl(1 + e^{-|z|}\bigr) = -y \log\sigma(z) - (1 - y)\log(1 - \sigma(z)) \\
 * \partial \ell / \partial w_j &= (\sigma(z) - y)\, x_j \qquad \partial \ell / \partial b = \sigma(z) - y
 * \end{aligned}$$
 *
 * The gradient of w_j is zero whenever x_j = 0: a sample touches only its own non-zero features.
 */
import type { CSR } from "./csr";
import { detMath } from "../core/detMath";

/**
 * σ(z) = 1 / (1 + e^{-z}), computed without overflow for any z.
 *
 * @example
 * sigmoid(0); //=> 0.5
 * sigmoid(-800); //=> 0 (not NaN)
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + detMath.exp(-z));
  const e = detMath.exp(z);
  return e / (1 + e);
}

/**
 * log(1 + e^z) without overflow or loss of precision (softplus).
 *
 * @example
 * log1pexp(0); //=> 0.6931471805599453 (ln 2)
 * log1pexp(1000); //=> 1000
 */
export function log1pexp(z: number): number {
  return Math.max(z, 0) + detMath.log1p(detMath.exp(-Math.abs(z)));
}

/**
 * Binary cross-entropy of logit z against label y, as torch's `binary_cross_entropy_with_logits`:
 * max(z, 0) − z·y + log(1 + e^{−|z|}).
 *
 * @example
 * bceWithLogits(0, 1); //=> 0.6931471805599453 (ln 2)
 * bceWithLogits(-40, 1); //=> 40 (finite, where log(sigmoid(-40)) would lose it)
 */
export function bceWithLogits(z: number, y: number): number {
  return Math.max(z, 0) - z * y + detMath.log1p(detMath.exp(-Math.abs(z)));
}

/** Mean loss and accuracy of a logistic model on a data set. */
export interface LogisticEvaluation {
  /** Mean binary cross-entropy over the rows. */
  loss: number;
  /** Fraction of rows with (z > 0) === (y === 1). */
  accuracy: number;
}

/** Mean BCE-with-logits loss and accuracy of (w, b) on every row of X, labels y in {0, 1}. */
export function logisticEvaluate(
  X: CSR,
  y: ArrayLike<number>,
  w: Float64Array,
  b: number,
): LogisticEvaluation {
  checkShapes(X, y, w);
  const { indptr, indices, data } = X;
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < X.rows; i++) {
    let z = b;
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) z += data[k] * w[indices[k]];
    const yi = y[i];
    loss += Math.max(z, 0) - z * yi + detMath.log1p(detMath.exp(-Math.abs(z)));
    if (z > 0 === (yi === 1)) correct++;
  }
  return X.rows === 0 ? { loss: NaN, accuracy: NaN } : { loss: loss / X.rows, accuracy: correct / X.rows };
}

/**
 * The mean loss over all rows, with its gradient: gradW ← (1/n) Xᵀ(σ(Xw + b) − y); returns
 * `{ loss, gradB }` with gradB = (1/n) Σ(σ(z_i) − y_i). The dense full-batch reference for tests and
 * gradient checks.
 */
export function logisticLossGrad(
  X: CSR,
  y: ArrayLike<number>,
  w: Float64Array,
  b: number,
  gradW: Float64Array,
): { loss: number; gradB: number } {
  checkShapes(X, y, w);
  if (gradW.length !== X.cols)
    throw new RangeError(`Invalid gradient length: ${gradW.length} (expected ${X.cols})`);
  const { indptr, indices, data } = X;
  const n = X.rows;
  gradW.fill(0);
  let loss = 0;
  let gradB = 0;
  for (let i = 0; i < n; i++) {
    let z = b;
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) z += data[k] * w[indices[k]];
    loss += bceWithLogits(z, y[i]);
    const r = (sigmoid(z) - y[i]) / n;
    gradB += r;
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) gradW[indices[k]] += r * data[k];
  }
  return { loss: loss / n, gradB };
}

function checkShapes(X: CSR, y: ArrayLike<number>, w: Float64Array): void {
  if (y.length !== X.rows)
    throw new RangeError(`Mismatched lengths: X has ${X.rows} rows, y has ${y.length}`);
  if (w.length !== X.cols)
    throw new RangeError(`Invalid weight length: ${w.length} (expected cols = ${X.cols})`);
}
