import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { facetThreshold } from "../../src/archive/entityPages.ts";

describe("facetThreshold", () => {
  it("should ask at least 2 articles, then 0.5% of the archive's size rounded down to a power of two", () => {
    assert.equal(facetThreshold(0), 2);
    assert.equal(facetThreshold(2), 2);
    assert.equal(facetThreshold(1_000), 3);
    assert.equal(facetThreshold(16_384), 82);
    assert.equal(facetThreshold(20_000), 82);
    assert.equal(facetThreshold(32_767), 82);
    assert.equal(facetThreshold(32_768), 164);
  });

  it("should move only when the archive doubles", () => {
    const moves = [];
    for (let count = 1; count <= 100_000; count++) if (facetThreshold(count) !== facetThreshold(count - 1)) moves.push(count);
    assert.ok(
      moves.every((count) => Number.isInteger(Math.log2(count))),
      `moves at ${moves.join(", ")}`,
    );
  });
});
