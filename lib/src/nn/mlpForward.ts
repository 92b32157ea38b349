import type { Mlp } from "./mlp";

/**
 * The forward pass on a batch: `count` input rows of `X` (count x sizes[0], row-major) through every layer,
 * ReLU after each hidden layer. Returns the logits, count x sizes[L], as a view into the model's workspace
 * (overwritten by the next pass: copy it to keep it). Activations stay in the workspace for the backward pass.
 *
 * $$\begin{aligned} a_0 &= X \\ z_l &= a_{l-1} W_l + \mathbf 1 b_l^\top \\ a_l &= \max(z_l, 0) \quad (l < L) \\ \text{logits} &= z_L \end{aligned}$$
 *
 * @example
 * const model = createMlp({ sizes: [2, 3, 2] });
 * mlpForward(model, new Float32Array(2), 1); //=> Float32Array [0, 0] (zero input, zero biases)
 */
export function mlpForward(model: Mlp, X: Float32Array, count: number): Float32Array {
  const ws = model.workspace;
  const n0 = model.sizes[0];
  if (!Number.isInteger(count) || count < 1 || count > model.maxBatch) {
    throw new RangeError(
      `Invalid batch size: ${count} (the model's workspace holds 1..${model.maxBatch} rows)`,
    );
  }
  if (X.length < count * n0)
    throw new RangeError(`Input has ${X.length} values, ${count} rows of ${n0} need ${count * n0}`);
  if (X !== ws.x) ws.x.set(X.length === count * n0 ? X : X.subarray(0, count * n0));
  let input = ws.x;
  const L = model.layers.length;
  for (let l = 0; l < L; l++) {
    const { inputs, outputs, W, b } = model.layers[l];
    const z = ws.acts[l];
    ws.gemm(false, false, count, outputs, inputs, input, W, z);
    const hidden = l < L - 1;
    for (let i = 0; i < count; i++) {
      const row = i * outputs;
      for (let j = 0; j < outputs; j++) {
        const v = z[row + j] + b[j];
        z[row + j] = hidden && v < 0 ? 0 : v;
      }
    }
    input = z;
  }
  return ws.acts[L - 1].subarray(0, count * model.sizes[L]);
}
