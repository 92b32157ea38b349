import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { momentumOptimal } from "../../../lib/src/optim/momentumOptimal";
import { momentumRate } from "../../../lib/src/optim/momentumRate";

describe("momentumOptimal", () => {
  it("momentumOptimal on kappa 100 gives rate 9/11 against gradient descent's 99/101", () => {
    const o = momentumOptimal(1, 100);
    assert.ok(Math.abs(o.rate - 9 / 11) < 1e-15);
    assert.ok(Math.abs(o.beta - 81 / 121) < 1e-15);
    assert.ok(Math.abs(o.lr - 4 / 121) < 1e-15);
    assert.ok(Math.abs(o.gdRate - 99 / 101) < 1e-15);
  });

  it("momentumOptimal's (lr, beta) give its rate at both ends of the spectrum of D2L's quadratic", () => {
    const o = momentumOptimal(0.2, 4);
    assert.ok(Math.abs(momentumRate(o.lr, o.beta, 0.2) - o.rate) < 1e-6);
    assert.ok(Math.abs(momentumRate(o.lr, o.beta, 4) - o.rate) < 1e-6);
  });

  it("momentumOptimal is no worse than nearby (lr, beta) on the whole spectrum", () => {
    const o = momentumOptimal(0.2, 4);
    const worst = (lr: number, beta: number) =>
      Math.max(...[0.2, 1, 2, 4].map((l) => momentumRate(lr, beta, l)));
    for (const [dl, db] of [
      [1.05, 1],
      [0.95, 1],
      [1, 1.1],
      [1, 0.9],
    ]) {
      assert.ok(worst(o.lr * dl, o.beta * db) >= o.rate - 1e-9);
    }
  });

  it("momentumOptimal names a bad eigenvalue range", () => {
    assert.throws(() => momentumOptimal(0, 4), /Invalid lambdaMin: 0/);
    assert.throws(() => momentumOptimal(4, 1), /lambdaMax 1 < lambdaMin 4/);
  });
});
