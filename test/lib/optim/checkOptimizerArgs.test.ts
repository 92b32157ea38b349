import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  checkBetas,
  checkBoolean,
  checkNumber,
  checkStart,
  checkStep,
} from "../../../lib/src/optim/checkOptimizerArgs";

describe("checkOptimizerArgs", () => {
  it("checkBetas wants a pair in [0, 1)", () => {
    assert.throws(() => checkBetas([0.9, 1.0]), { message: "Invalid beta parameter at index 1: 1" });
    assert.throws(() => checkBetas([-0.1, 0.9]), { message: "Invalid beta parameter at index 0: -0.1" });
    assert.throws(() => checkBetas([0.9, 0.9, 0.9]), /Invalid betas/);
    checkBetas([0, 0.999]);
  });

  it("checkBoolean and checkNumber name the value", () => {
    assert.throws(() => checkBoolean("amsgrad", "true"), { message: "Invalid amsgrad value: true" });
    assert.throws(() => checkNumber("dampening", Infinity), { message: "Invalid dampening value: Infinity" });
  });

  it("checkStart rejects non-finite entries; checkStep checks lengths and returns the lr", () => {
    assert.throws(() => checkStart(Float64Array.of(0, -Infinity)), /entry 1 is -Infinity/);
    const x = new Float64Array(2);
    assert.equal(checkStep(x, new Float64Array(2), 2, undefined, 0.1), 0.1);
    assert.equal(checkStep(x, new Float64Array(2), 2, 0.5, 0.1), 0.5);
    assert.throws(() => checkStep(x, new Float64Array(3), 2, undefined, 0.1), /x and g: 2 and 3/);
  });
});
