import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sliderFigure } from "../../../lib/src/plot/sliderFigure";
import { matchSnapshot } from "./snapshot";

describe("sliderFigure", () => {
  const base = { data: [{ type: "scatter", y: [0, 0] }], layout: { margin: { l: 10 } } };
  const steps = [0.1, 0.5].map((lr) => ({ label: String(lr), data: [{ type: "scatter", y: [1, 1 - lr] }] }));

  it("builds one frame per value with a slider over them (snapshot)", () => {
    const fig = sliderFigure(base, steps, { prefix: "lr = " });
    matchSnapshot("sliderFigure", fig);
    assert.deepEqual(fig.frames![1].traces, [1]);
    assert.equal(fig.data.length, 2);
  });

  it("starts on the active step", () => {
    assert.deepEqual(sliderFigure(base, steps, { active: 1 }).data[1].y, [1, 0.5]);
  });

  it("throws naming a step with another number of traces", () => {
    assert.throws(
      () => sliderFigure(base, [...steps, { label: "x", data: [] }]),
      /slider step 2 \("x"\): 0 traces, step 0 has 1/,
    );
  });
});
