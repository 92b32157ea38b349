import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkOptionKeys } from "../../../lib/src/core/validate";

describe("checkOptionKeys", () => {
  it("names the unexpected option and lists the allowed ones, given as defaults or as a list", () => {
    assert.throws(
      () => checkOptionKeys("Adam", { lr: 1, bettas: 1 } as Record<string, unknown>, { lr: 1, betas: 1 }),
      {
        name: "TypeError",
        message: "Adam got an unexpected option: bettas (expected one of lr, betas)",
      },
    );
    assert.throws(
      () => checkOptionKeys("loadAirfoil", { path: "x" } as Record<string, unknown>, ["rows", "file"]),
      {
        message: "loadAirfoil got an unexpected option: path (expected one of rows, file)",
      },
    );
    assert.throws(() => checkOptionKeys("f", { a: 1 }, []), {
      message: "f got an unexpected option: a (it takes none)",
    });
  });

  it("accepts the allowed keys and undefined, and rejects what is not an options object", () => {
    checkOptionKeys("Adam", { lr: 1 } as Record<string, unknown>, { lr: 1, betas: 1 });
    checkOptionKeys("Adam", undefined, ["lr"]);
    assert.throws(() => checkOptionKeys("Adam", [] as never, {}), /Adam options must be an object, got \[\]/);
    assert.throws(() => checkOptionKeys("Adam", null as never, {}), /must be an object, got null/);
  });
});
