import { describe, it, mock } from "node:test";
import assert from "node:assert/strict";
import { check, checkCases } from "../../../lib/src/check/check";

function printed(f: () => void): string {
  const log = mock.method(console, "log", () => {});
  try {
    f();
  } catch {
    // the caller checks the throw separately
  } finally {
    log.mock.restore();
  }
  return log.mock.calls.map((c) => String(c.arguments[0])).join("\n");
}

describe("check (the learner's self-check)", () => {
  const good = {
    name: "rho 0.5 on 3 8 6",
    actual: new Float64Array([3, 5.5, 5.75]),
    expected: new Float64Array([3, 5.5, 5.75]),
    tol: 1e-12,
  };
  const bad = { name: "rho 0 copies", actual: new Float64Array([1, 0]), expected: new Float64Array([1, -2]) };

  it("check prints a tick per passing case and returns nothing (a test cell echoes no value)", () => {
    let r: unknown = "unset";
    const out = printed(() => (r = check("q-ema", [good])));
    assert.equal(out, "✓ q-ema: rho 0.5 on 3 8 6\nq-ema: the 1 case passed");
    assert.equal(r, undefined);
    assert.deepEqual(checkCases([good]), [{ name: good.name, passed: true, message: null }]);
  });

  it("check names the failing case with expected vs actual, then throws", () => {
    const out = printed(() => check("q-ema", [good, bad]));
    assert.match(out, /✗ q-ema: rho 0 copies: at \[1\]: expected -2, got 0/);
    assert.match(out, /q-ema: 1 of 2 cases failed/);
    const log = mock.method(console, "log", () => {});
    assert.throws(() => check("q-ema", [bad]), /q-ema: 1 of 1 cases failed/);
    log.mock.restore();
  });

  it("check rejects a bad question id, no cases, or a negative tol, naming the value", () => {
    assert.throws(() => check("", [good]), /Invalid question id/);
    assert.throws(() => check("q", []), /needs at least one case/);
    assert.throws(() => checkCases([{ ...good, tol: -1 }]), /Invalid tol for case "rho 0.5 on 3 8 6": -1/);
  });
});
