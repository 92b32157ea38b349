import { sigmoid } from "../sparse/logistic";

/**
 * The sigmoid's derivative σ'(x) = σ(x)(1 - σ(x)) (lecture §0, vanishing gradients): at most 0.25, at
 * x = 0, and below 0.05 for |x| > ln((1 + √0.8)/(1 - √0.8)) ≈ 2.887, so certainly for the lecture's
 * |x| > ~4 (σ'(4) ≈ 0.0177). Through many sigmoid layers these factors multiply and the gradient vanishes.
 * σ itself is the library's overflow-safe `sigmoid` (sparse/logistic).
 *
 * $$\begin{aligned} \sigma(x) &= \frac{1}{1 + e^{-x}} \\ \sigma'(x) &= \sigma(x) \big(1 - \sigma(x)\big) \end{aligned}$$
 *
 * @example
 * sigmoidPrime(0); //=> 0.25
 * sigmoidPrime(4); //=> 0.017662706213291107
 */
export function sigmoidPrime(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}
