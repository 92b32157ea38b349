import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { nadam } from "../../../lib/src/optim/nadam";
import type { NadamOptions } from "../../../lib/src/optim/nadam";
import { minimize } from "../../../lib/src/optim/minimize";
import { optimizerFromTorch } from "../../../lib/src/optim/registry";
import { relativeError } from "../../../lib/src/optim/replayGolden";
import { functionByName } from "../../../lib/src/functions/functionByName";

const f64 = (...v: number[]) => Float64Array.from(v);

function near(a: number, b: number, tol: number, what = "") {
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} is not within ${tol} of ${b}`);
}

describe("nadam", () => {
  it("the TSDoc example prints 0.895047", () => {
    const opt = nadam({ lr: 0.1 });
    const x = f64(1);
    opt.step(x, f64(2), opt.init(x));
    assert.equal(x[0].toFixed(6), "0.895047");
  });

  it("nadam's first step by hand, with torch 1.13's product mu1 * mu1 * mu2", () => {
    const opt = nadam({ lr: 0.1, eps: 0 });
    const x = f64(1);
    const s = opt.init(x);
    opt.step(x, f64(2), s);
    // mu_t = 0.9 (1 - 0.5 * 0.96^(0.004 t))
    const mu1 = 0.9 * (1 - 0.5 * 0.96 ** 0.004);
    const mu2 = 0.9 * (1 - 0.5 * 0.96 ** 0.008);
    near(s.muProduct, mu1, 1e-16);
    // m = 0.2, v = 0.004, denom = sqrt(0.004 / 0.001) = 2
    const step1 = (0.1 * (1 - mu1)) / (1 - mu1); // = 0.1, times g / denom = 1
    const step2 = (0.1 * mu2) / (1 - mu1 * mu1 * mu2); // times m / denom = 0.1
    near(x[0], 1 - step1 * 1 - step2 * 0.1, 1e-15);
  });

  it("rejects bad options with torch's messages", () => {
    assert.throws(() => nadam({ lr: -1 }), { message: "Invalid learning rate: -1" });
    assert.throws(() => nadam({ momentumDecay: -1 }), { message: "Invalid momentum_decay value: -1" });
    assert.throws(() => nadam({ betas: [0.9, 1.5] }), { message: "Invalid beta parameter at index 1: 1.5" });
  });
});

describe("nadam and torch 2.x", () => {
  // torch 2.13's NAdam trajectories, written by scripts/golden-make.py --nadam under torch 2.13.
  const file = path.resolve(__dirname, "..", "..", "fixtures", "golden-torch2", "torch2-nadam.json");
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as {
    cases: {
      id: string;
      options: Record<string, unknown>;
      function: string;
      x0: number[];
      steps: number;
      trajectory: number[][];
    }[];
  };

  function maxError(torch2MuProduct: boolean, c: (typeof doc.cases)[number]): number {
    const config = optimizerFromTorch("NAdam", c.options).config as NadamOptions;
    const run = minimize(
      functionByName(c.function, c.x0.length),
      nadam({ ...config, torch2MuProduct }),
      c.x0,
      {
        steps: c.steps,
      },
    );
    let max = 0;
    c.trajectory.forEach((p, t) =>
      p.forEach((b, i) => (max = Math.max(max, relativeError(run.xs[t][i], b)))),
    );
    return max;
  }

  it("with torch2MuProduct it replays torch 2.13's NAdam within 1e-10", () => {
    assert.ok(doc.cases.length >= 4);
    for (const c of doc.cases) assert.ok(maxError(true, c) <= 1e-10, c.id);
  });

  it("torch 1.13's product (the default) differs from torch 2.13 already at the first step", () => {
    for (const c of doc.cases) assert.ok(maxError(false, c) > 1e-6, c.id);
  });
});
