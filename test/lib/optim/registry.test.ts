import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { camelCaseKey, optimizerFromTorch, optimizers } from "../../../lib/src/optim/registry";

const f64 = (...v: number[]) => Float64Array.from(v);

describe("optimizers (the registry)", () => {
  it("holds torch's class names and the course's extras", () => {
    for (const name of [
      "SGD",
      "Adagrad",
      "RMSprop",
      "Adadelta",
      "Adam",
      "AdamW",
      "Adamax",
      "NAdam",
      "RAdam",
    ]) {
      assert.ok(name in optimizers, name);
    }
    for (const name of ["Yogi", "AdaBound", "MomentumSlides", "MomentumEma"])
      assert.ok(name in optimizers, name);
  });

  it("each factory builds an optimizer whose name is its key", () => {
    for (const [name, factory] of Object.entries(optimizers)) {
      const opt = factory(name === "SGD" ? { lr: 0.1 } : {});
      assert.equal(opt.name, name);
    }
  });

  it("config round-trips through JSON: the rebuilt optimizer has the same config and trajectory", () => {
    const samples: [string, Record<string, unknown>][] = [
      ["SGD", { lr: 0.1, momentum: 0.9, nesterov: true }],
      ["Adagrad", { lr: 0.3, lrDecay: 0.01, epsInside: true }],
      ["RMSprop", { centered: true, momentum: 0.5 }],
      ["Adadelta", { rho: 0.95 }],
      ["Adam", { betas: [0.8, 0.99], amsgrad: true, biasCorrection: "first" }],
      ["AdamW", { weightDecay: 0.1 }],
      ["Adamax", { lr: 0.01 }],
      ["NAdam", { momentumDecay: 0.01 }],
      ["RAdam", { lr: 0.01 }],
      ["Yogi", {}],
      ["AdaBound", { finalLr: 0.05 }],
      ["MomentumSlides", {}],
      ["MomentumEma", { rho: 0.5 }],
    ];
    for (const [name, options] of samples) {
      const a = optimizers[name](options);
      const b = optimizers[name](JSON.parse(JSON.stringify(a.config)));
      assert.deepEqual(b.config, a.config, name);
      const xa = f64(1, -2);
      const xb = f64(1, -2);
      const sa = a.init(xa);
      const sb = b.init(xb);
      for (let t = 0; t < 5; t++) {
        a.step(xa, f64(2 * xa[0], 3), sa);
        b.step(xb, f64(2 * xb[0], 3), sb);
      }
      assert.deepEqual([...xa], [...xb], name);
    }
  });
});

describe("optimizerFromTorch", () => {
  it("maps torch's snake_case keyword arguments to camelCase options", () => {
    const a = optimizerFromTorch("Adagrad", {
      lr: 0.5,
      lr_decay: 0.01,
      initial_accumulator_value: 0.1,
      weight_decay: 1e-3,
    });
    assert.deepEqual(
      [a.config].map((c) => {
        const o = c as Record<string, unknown>;
        return [o.lrDecay, o.initialAccumulatorValue, o.weightDecay];
      })[0],
      [0.01, 0.1, 1e-3],
    );
    const n = optimizerFromTorch("NAdam", { momentum_decay: 0.01, betas: [0.8, 0.99] });
    assert.deepEqual((n.config as Record<string, unknown>).betas, [0.8, 0.99]);
    assert.equal((n.config as Record<string, unknown>).momentumDecay, 0.01);
  });

  it("drops torch's implementation switches (foreach, differentiable, capturable, fused) at their neutral values", () => {
    const opt = optimizerFromTorch("Adam", {
      lr: 0.1,
      foreach: null,
      differentiable: false,
      capturable: false,
      fused: false,
    });
    assert.equal(opt.name, "Adam");
    assert.throws(
      () => optimizerFromTorch("Adam", { capturable: true }),
      /Unsupported option for Adam: capturable=true/,
    );
  });

  it("names an unknown optimizer or option", () => {
    assert.throws(() => optimizerFromTorch("LBFGS", {}), /Unknown optimizer: LBFGS/);
    assert.throws(
      () => optimizerFromTorch("Adam", { betas: [0.9, 0.999], nesterov: true }),
      /Adam got an unexpected option: nesterov/,
    );
    assert.throws(() => optimizerFromTorch("toString", {}), /Unknown optimizer: toString/);
  });

  it("validates the values with torch's messages", () => {
    assert.throws(() => optimizerFromTorch("Adam", { betas: [1.2, 0.999] }), {
      message: "Invalid beta parameter at index 0: 1.2",
    });
  });
});

describe("camelCaseKey", () => {
  it("turns torch's names into ours", () => {
    assert.equal(camelCaseKey("weight_decay"), "weightDecay");
    assert.equal(camelCaseKey("initial_accumulator_value"), "initialAccumulatorValue");
    assert.equal(camelCaseKey("T_max"), "tMax");
    assert.equal(camelCaseKey("eta_min"), "etaMin");
    assert.equal(camelCaseKey("lr"), "lr");
  });
});
