import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { TestFunction } from "../../../lib/src/core/types";
import { GoldenFormatError, relativeError, replayGolden } from "../../../lib/src/optim/replayGolden";
import type { GoldenResolvers } from "../../../lib/src/optim/replayGolden";

const square: TestFunction = {
  name: "square",
  dim: 0,
  tex: "x^2",
  f: (x) => x.reduce((s, v) => s + v * v, 0),
  grad: (x, out) => {
    for (let i = 0; i < x.length; i++) out[i] = 2 * x[i];
    return out;
  },
};

const resolvers: GoldenResolvers = {
  functionByName(name) {
    if (name !== "square") throw new RangeError(`Unknown test function: ${name}`);
    return square;
  },
  schedulerByName(name, lr, options) {
    if (name !== "ExponentialLR") throw new RangeError(`Unknown scheduler: ${name}`);
    const extra = Object.keys(options).filter((k) => k !== "gamma");
    if (extra.length > 0) throw new RangeError(`Unknown option for ExponentialLR: ${extra[0]}`);
    const gamma = options.gamma as number;
    return (t) => lr * gamma ** t;
  },
};

// SGD lr 0.1 on x^2 from 70: x_t = 70 * 0.8^t, loss x_t^2
const sgdCase = () => ({
  id: "sgd",
  optimizer: "SGD",
  options: { lr: 0.1 },
  function: "square",
  x0: [70],
  steps: 3,
  loss: [4900, 3136, 2007.04],
  trajectory: [[70], [56], [44.8], [35.84]],
});

const doc = (cases: unknown[], schedules: unknown[] = []) => ({
  format: "optim-golden/1",
  reference: "hand",
  cases,
  schedules,
});

describe("replayGolden", () => {
  it("replays a case and a schedule that agree", () => {
    const report = replayGolden(
      doc(
        [sgdCase()],
        [
          {
            id: "exp",
            scheduler: "ExponentialLR",
            lr: 0.2,
            options: { gamma: 0.5 },
            steps: 3,
            lrs: [0.2, 0.1, 0.05],
          },
        ],
      ),
      resolvers,
    );
    assert.equal(report.cases, 1);
    assert.equal(report.schedules, 1);
    assert.equal(report.failed, 0);
    assert.ok(report.maxError < 1e-15);
    assert.deepEqual(
      report.results.map((r) => [r.kind, r.id, r.ok]),
      [
        ["case", "sgd", true],
        ["schedule", "exp", true],
      ],
    );
  });

  it("drops torch's last_epoch -1 and verbose false from scheduler options", () => {
    const schedule = { id: "exp", scheduler: "ExponentialLR", lr: 1, steps: 2, lrs: [1, 0.5] };
    const report = replayGolden(
      doc([], [{ ...schedule, options: { gamma: 0.5, last_epoch: -1, verbose: false } }]),
      resolvers,
    );
    assert.equal(report.failed, 0);
  });

  it("reports where a trajectory first disagrees", () => {
    const c = sgdCase();
    c.trajectory[2] = [44.9];
    const report = replayGolden(doc([c]), resolvers);
    assert.equal(report.failed, 1);
    assert.match(report.results[0].message ?? "", /first disagreement at trajectory\[2\]\[0\]/);
    assert.ok(Math.abs(report.results[0].maxError - 0.1 / 44.9) < 1e-12);
  });

  it("fails, without throwing, a case with an unknown optimizer, option, function or scheduler", () => {
    const unknown = [
      { ...sgdCase(), id: "a", optimizer: "LBFGS" },
      { ...sgdCase(), id: "b", options: { lr: 0.1, foo: 1 } },
      { ...sgdCase(), id: "c", function: "sphere" },
    ];
    const report = replayGolden(
      doc(unknown, [{ id: "d", scheduler: "OneCycleLR", lr: 0.1, options: {}, steps: 1, lrs: [0.1] }]),
      resolvers,
    );
    assert.equal(report.failed, 4);
    assert.deepEqual(
      report.results.map((r) => r.message?.replace(/ \(.*$/, "")),
      [
        "unsupported: Unknown optimizer: LBFGS",
        "unsupported: SGD got an unexpected option: foo",
        "unsupported: Unknown test function: sphere",
        "unsupported: Unknown scheduler: OneCycleLR",
      ],
    );
  });

  it("throws a GoldenFormatError naming the file and the place for a malformed document", () => {
    const bad: [unknown, RegExp][] = [
      [[], /f\.json: the document must be an object/],
      [{ format: "optim-golden/2", cases: [] }, /f\.json: format must be "optim-golden\/1"/],
      [{ format: "optim-golden/1" }, /has no cases and no schedules/],
      [doc([{ ...sgdCase(), steps: 4 }]), /cases\[0\]\.trajectory has length 4, expected 5/],
      [doc([{ ...sgdCase(), loss: [1, 2] }]), /cases\[0\]\.loss has length 2, expected 3/],
      [
        doc([{ ...sgdCase(), trajectory: [[70], [56, 1], [44.8], [35.84]] }]),
        /cases\[0\]\.trajectory\[1\] has length 2/,
      ],
      [doc([{ ...sgdCase(), x0: "70" }]), /cases\[0\]\.x0 must be an array of numbers/],
      [doc([{ ...sgdCase(), id: undefined }]), /cases\[0\]\.id must be a non-empty string, got nothing/],
      [doc([{ ...sgdCase(), steps: 1.5 }]), /cases\[0\]\.steps must be an integer >= 0/],
      [
        doc([], [{ id: "s", scheduler: "StepLR", lr: "0.1", steps: 0, lrs: [] }]),
        /schedules\[0\]\.lr must be a finite number/,
      ],
      [{ format: "optim-golden/1", cases: {} }, /cases must be an array/],
    ];
    for (const [d, message] of bad) {
      assert.throws(
        () => replayGolden(d, resolvers, { file: "f.json" }),
        (e: unknown) => {
          assert.ok(e instanceof GoldenFormatError);
          assert.match((e as Error).message, message);
          return true;
        },
      );
    }
  });
});

describe("relativeError", () => {
  it("is |a - b| / max(1, |b|) and Infinity for NaN", () => {
    assert.equal(relativeError(1.5, 1), 0.5);
    assert.equal(relativeError(300, 200), 0.5);
    assert.equal(relativeError(NaN, 1), Infinity);
  });
});
