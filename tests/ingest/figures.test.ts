import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { creditOf, extractFigures, isCreditLine } from "../../src/ingest/figures.ts";

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

describe("creditOf", () => {
  it("should read labelled and agency credits", () => {
    assert.equal(creditOf("Photo: Jane Doe/AP"), "Jane Doe/AP");
    assert.equal(creditOf("Photograph by Jane Doe"), "Jane Doe");
    assert.equal(creditOf("Getty Images"), "Getty Images");
    assert.equal(creditOf("Jane Doe/Getty Images"), "Jane Doe/Getty Images");
  });
  it("should leave prose alone", () => {
    assert.equal(creditOf("Photos of the scene spread online. Officials said more."), null);
    assert.equal(creditOf("Charli XCX"), null);
    assert.equal(creditOf("Live updates: Global tech outages hit airlines"), null);
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

  it("should split a caption that ends in its own credit", () => {
    const body = extractFigures([
      { text: "Protesters gather in Tel Aviv on Saturday. (AP Photo/Oded Balilty)", line: 4 },
      { text: "Crowds near the border. (Getty Images)", line: 6 },
      { text: "The agency is the World Health Organization (WHO).", line: 8 },
      { text: "16. Night Hawk (Singapore)", line: 10 },
    ]);
    assert.deepEqual(body, [
      { kind: "figure", caption: "Protesters gather in Tel Aviv on Saturday.", credit: "AP Photo/Oded Balilty", line: 4 },
      { kind: "figure", caption: "Crowds near the border.", credit: "Getty Images", line: 6 },
      { kind: "paragraph", text: "The agency is the World Health Organization (WHO).", line: 8 },
      { kind: "paragraph", text: "16. Night Hawk (Singapore)", line: 10 },
    ]);
  });

  it("should keep a credit with no caption before it as a figure of its own", () => {
    const body = extractFigures([{ text: "Mohammed Salem | Reuters", line: 1 }]);
    assert.deepEqual(body, [{ kind: "figure", caption: "", credit: "Mohammed Salem | Reuters", line: 1 }]);
  });
});
