import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { linearRegressionLossGrad } from "../../../lib/src/regression/linearRegressionLossGrad";

const X = { rows: 3, cols: 2, data: Float64Array.of(1, 0, 0, 1, 1, 1) };
const y = Float64Array.of(1, 2, 0);

describe("linearRegressionLossGrad", () => {
  it("gives the mean of r²/2 and the mean of r·[x, 1] over all rows", () => {
    // θ = [w1, w2, b] = [1, 1, 0]: predictions 1, 1, 2; residuals r = 0, -1, 2.
    const g = new Float64Array(3);
    const loss = linearRegressionLossGrad(X, y, Float64Array.of(1, 1, 0), g);
    assert.equal(loss, (0 + 1 + 4) / 6);
    // ∇w1 = (0·1 + (-1)·0 + 2·1)/3, ∇w2 = (0 + (-1)·1 + 2·1)/3, ∇b = (0 - 1 + 2)/3
    assert.deepEqual(Array.from(g), [2 / 3, 1 / 3, 1 / 3]);
  });

  it("uses only the minibatch index[start .. start + count)", () => {
    const g = new Float64Array(3);
    const loss = linearRegressionLossGrad(X, y, Float64Array.of(1, 1, 0), g, [0, 2, 1], 1, 1); // row 2 alone
    assert.equal(loss, 2);
    assert.deepEqual(Array.from(g), [2, 2, 2]);
  });

  it("agrees with central differences", () => {
    const p = Float64Array.of(0.3, -0.7, 0.2);
    const g = new Float64Array(3);
    linearRegressionLossGrad(X, y, p, g);
    for (let j = 0; j < 3; j++) {
      const up = p.slice();
      const down = p.slice();
      up[j] += 1e-6;
      down[j] -= 1e-6;
      const numeric =
        (linearRegressionLossGrad(X, y, up, null) - linearRegressionLossGrad(X, y, down, null)) / 2e-6;
      assert.ok(Math.abs(numeric - g[j]) < 1e-8);
    }
  });

  it("names mismatched lengths", () => {
    assert.throws(
      () => linearRegressionLossGrad(X, y, new Float64Array(2), null),
      /params and X: 2 and 2 features \+ 1/,
    );
    assert.throws(() => linearRegressionLossGrad(X, [1], new Float64Array(3), null), /y and X: 1 and 3 rows/);
  });
});
