import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { functionByName, GOLDEN_FUNCTION_NAMES } from "../../../lib/src/functions/functionByName";
import { noGoldenFile } from "../../support/optional";

interface GoldenCase {
  id: string;
  function: string;
  x0: number[];
  loss: number[];
  trajectory: number[][];
}

// The torch golden file: a copy is kept in test/fixtures/golden/; GOLDEN_FILE may point at another.
const goldenPath =
  process.env.GOLDEN_FILE ?? path.resolve(__dirname, "..", "..", "fixtures", "golden", "torch-visible.json");
const golden = existsSync(goldenPath)
  ? (JSON.parse(readFileSync(goldenPath, "utf8")) as { cases: GoldenCase[] })
  : undefined;

describe("functionByName", () => {
  it("functionByName(name) knows every function of golden/FORMAT.md under its golden name", () => {
    for (const name of GOLDEN_FUNCTION_NAMES) assert.equal(functionByName(name).name, name);
  });

  it(
    "every golden case's recorded losses equal f at the recorded points (torch float64, to 1e-12)",
    {
      skip: !golden && noGoldenFile(goldenPath),
    },
    () => {
      // loss[k] is f(x_k) where x_k = trajectory[k]: this checks each f against torch's autograd run.
      for (const c of golden?.cases ?? []) {
        const fn = functionByName(c.function, c.x0.length);
        for (let k = 0; k < c.loss.length; k++) {
          const v = fn.f(Float64Array.from(c.trajectory[k]));
          const err = Math.abs(v - c.loss[k]) / Math.max(1, Math.abs(c.loss[k]));
          assert.ok(err <= 1e-12, `${c.id} step ${k}: f = ${v}, torch ${c.loss[k]}`);
        }
      }
    },
  );

  it("the summing functions (dim 0) accept any dimension, the others only their own", () => {
    assert.equal(functionByName("square", 3).dim, 0);
    assert.equal(functionByName("quartic", 1).dim, 0);
    assert.throws(
      () => functionByName("rosenbrock", 3),
      /Invalid dimension for rosenbrock: 3 \(expected 2\)/,
    );
    assert.throws(() => functionByName("square", 0), /Invalid dimension for square: 0/);
  });

  it("an unknown name throws, naming it", () => {
    assert.throws(() => functionByName("rosenbrok"), /Unknown test function: rosenbrok/);
    assert.throws(() => functionByName("toString"), /Unknown test function: toString/);
  });
});
