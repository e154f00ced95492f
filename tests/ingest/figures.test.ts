import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractFigures, isCreditLine } from "../../src/ingest/figures.ts";

describe("isCreditLine", () => {
  it("should recognise photographer | agency lines", () => {
    assert.ok(isCreditLine("Sebastian Scheiner | Reuters"));
    assert.ok(isCreditLine("Ashraf Amra | Anadolu Agency | Getty Images"));
  });
  it("should not take sentences or tables for credits", () => {
    assert.equal(isCreditLine("He said the vote | was close, and left."), false);
    assert.equal(isCreditLine("Reuters"), false);
  });
});

describe("extractFigures", () => {
  it("should join a caption and its credit into one figure, keeping every other block", () => {
    const body = extractFigures([
      { text: "First paragraph.", line: 1 },
      { text: "Smoke rises over Gaza City on May 18, 2021.", line: 3 },
      { text: "Mohammed Salem | Reuters", line: 5 },
      { text: "Last paragraph.", line: 7 },
    ]);
    assert.deepEqual(body, [
      { kind: "paragraph", text: "First paragraph.", line: 1 },
      { kind: "figure", caption: "Smoke rises over Gaza City on May 18, 2021.", credit: "Mohammed Salem | Reuters", line: 3 },
      { kind: "paragraph", text: "Last paragraph.", line: 7 },
    ]);
  });

  it("should keep a credit with no caption before it as a figure of its own", () => {
    const body = extractFigures([{ text: "Mohammed Salem | Reuters", line: 1 }]);
    assert.deepEqual(body, [{ kind: "figure", caption: "", credit: "Mohammed Salem | Reuters", line: 1 }]);
  });
});
