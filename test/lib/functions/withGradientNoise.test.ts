import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { withGradientNoise } from "../../../lib/src/functions/withGradientNoise";
import { xCosPiXEmpirical } from "../../../lib/src/functions/xCosPiXEmpirical";

describe("withGradientNoise", () => {
  it("the noisy gradient is the true one plus seeded noise of the given std, reproducible by seed", () => {
    const a = withGradientNoise(xCosPiXEmpirical, { std: 0.5, seed: 1 });
    const b = withGradientNoise(xCosPiXEmpirical, { std: 0.5, seed: 1 });
    const x = Float64Array.of(0.3);
    const exact = xCosPiXEmpirical.grad(x, new Float64Array(1))[0];
    let sum = 0;
    let sq = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const ga = a.grad(x, new Float64Array(1))[0];
      assert.equal(ga, b.grad(x, new Float64Array(1))[0]);
      sum += ga - exact;
      sq += (ga - exact) ** 2;
    }
    assert.ok(Math.abs(sum / n) < 0.02);
    assert.ok(Math.abs(Math.sqrt(sq / n) - 0.5) < 0.02);
  });

  it("the noisy version keeps f and names itself", () => {
    const a = withGradientNoise(xCosPiXEmpirical, { std: 1 });
    assert.equal(a.name, "x_cos_pi_x_empirical_noisy");
    assert.equal(a.f(Float64Array.of(1)), xCosPiXEmpirical.f(Float64Array.of(1)));
    assert.throws(() => withGradientNoise(xCosPiXEmpirical, { std: -1 }), /Invalid noise std: -1/);
  });
});
