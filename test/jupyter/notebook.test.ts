import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseNotebook, roleOf, type Cell } from "../../jupyter/notebook";

describe("notebooks and cell roles", () => {
  it("roleOf follows nbgrader's table: answer, tests, manual, read-only, plain", () => {
    const m = (nbgrader: Record<string, unknown>): Cell => ({
      cell_type: "code",
      source: "",
      metadata: { nbgrader },
    });
    assert.equal(roleOf(m({ solution: true })), "answer");
    assert.equal(roleOf(m({ grade: true, locked: true, points: 1 })), "tests");
    assert.equal(roleOf(m({ solution: true, grade: true, points: 1 })), "manual");
    assert.equal(roleOf(m({ locked: true })), "readonly");
    assert.equal(roleOf({ cell_type: "code", source: "", metadata: {} }), "plain");
  });

  it("parseNotebook names what is wrong: invalid JSON, null bytes, no cells, another nbformat", () => {
    assert.throws(() => parseNotebook('{"cells": [', "a.ipynb"), /a\.ipynb: invalid JSON/);
    assert.throws(() => parseNotebook('{"cells": []}\u0000', "a.ipynb"), /null bytes/);
    assert.throws(() => parseNotebook("{}", "a.ipynb"), /not a notebook/);
    assert.throws(() => parseNotebook('{"nbformat": 3, "cells": []}', "a.ipynb"), /nbformat 3/);
    assert.throws(
      () => parseNotebook('{"nbformat": 4, "cells": [{"cell_type": "code", "source": 5}]}', "a.ipynb"),
      /cell 1 has no text source/,
    );
  });
});
