import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { inGerschgorinDiscs } from "../../../lib/src/linalg/inGerschgorinDiscs";

describe("inGerschgorinDiscs", () => {
  it("real eigenvalues inside the union of the discs pass", () => {
    const discs = [
      { center: 4, radius: 1 },
      { center: 9, radius: 1 },
    ];
    assert.equal(inGerschgorinDiscs([3.81, 9.19], discs), true);
  });

  it("an eigenvalue outside every disc fails", () => {
    assert.equal(inGerschgorinDiscs([2], [{ center: 4, radius: 1 }]), false);
  });

  it("a complex eigenvalue is measured by its distance in the plane", () => {
    const discs = [{ center: 0, radius: 1 }];
    assert.equal(inGerschgorinDiscs({ re: Float64Array.of(0), im: Float64Array.of(1) }, discs), true);
    assert.equal(inGerschgorinDiscs({ re: Float64Array.of(0.8), im: Float64Array.of(0.8) }, discs), false);
  });

  it("an eigenvalue on the boundary passes within rounding", () => {
    assert.equal(inGerschgorinDiscs([1.5 + 1e-14], [{ center: 1, radius: 0.5 }]), true);
  });
});
