import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { momentumRate } from "../../../lib/src/optim/momentumRate";
import { sgd } from "../../../lib/src/optim/sgd";

/** Measured rate on f = λx²/2: |x_k|^(1/k) over many steps, with torch's momentum form. */
function measuredRate(lr: number, beta: number, lambda: number, steps: number): number {
  const opt = sgd({ lr, momentum: beta });
  const x = Float64Array.of(1);
  const s = opt.init(x);
  const g = new Float64Array(1);
  for (let k = 0; k < steps; k++) {
    g[0] = lambda * x[0];
    opt.step(x, g, s);
  }
  // |x_k| ~ C rate^k: the k-th root tends to the rate
  return Math.abs(x[0]) ** (1 / steps);
}

describe("momentumRate", () => {
  it("momentumRate without momentum is gradient descent's |1 - lr lambda|", () => {
    assert.ok(Math.abs(momentumRate(0.1, 0, 4) - 0.6) < 1e-15);
    assert.ok(Math.abs(momentumRate(0.6, 0, 4) - 1.4) < 1e-15);
  });

  it("momentumRate with complex roots is sqrt(beta) whatever the learning rate", () => {
    assert.equal(momentumRate(0.1, 0.81, 4), 0.9);
    assert.equal(momentumRate(0.3, 0.81, 4), 0.9);
  });

  it("momentumRate crosses 1 exactly at lr lambda = 2 + 2 beta", () => {
    // beta 0.5, lambda 4: the boundary is lr = (2 + 1) / 4 = 0.75
    assert.ok(momentumRate(0.749, 0.5, 4) < 1);
    assert.ok(Math.abs(momentumRate(0.75, 0.5, 4) - 1) < 1e-12);
    assert.ok(momentumRate(0.751, 0.5, 4) > 1);
  });

  it("momentumRate matches the measured rate of torch-form momentum on lambda x^2 / 2", () => {
    for (const [lr, beta] of [
      [0.1, 0.3],
      [0.4, 0.5],
      [0.7, 0.2],
    ]) {
      const predicted = momentumRate(lr, beta, 4);
      assert.ok(Math.abs(measuredRate(lr, beta, 4, 400) - predicted) < 0.02, `lr ${lr} beta ${beta}`);
    }
  });

  it("momentumRate names a bad argument", () => {
    assert.throws(() => momentumRate(0.1, 1, 4), /Invalid momentum value: 1/);
    assert.throws(() => momentumRate(-0.1, 0.5, 4), /Invalid learning rate: -0.1/);
  });
});
