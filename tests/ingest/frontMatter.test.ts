import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readFrontMatter } from "../../src/ingest/frontMatter.ts";

describe("readFrontMatter", () => {
  it("should read YAML fields and the content after them", () => {
    const result = readFrontMatter("---\ntitle: Talks resume\n---\nBody text.\n");
    assert.equal(result.kind, "data");
    if (result.kind !== "data") return;
    assert.equal(result.data["title"], "Talks resume");
    assert.equal(result.content.trim(), "Body text.");
    assert.equal(result.lineOffset, 3);
  });

  it("should refuse JavaScript front matter without running it", () => {
    const marker = `clippings_ran_${process.pid}`;
    const result = readFrontMatter(`---js\n{ title: (globalThis.${marker} = true, "x") }\n---\nBody.\n`);
    assert.equal(result.kind, "refused");
    assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
    assert.equal(result.content.trim(), "Body.");
  });

  it("should report broken YAML instead of throwing", () => {
    const result = readFrontMatter("---\ntitle: [unclosed\n---\nBody.\n");
    assert.equal(result.kind, "invalid");
  });

  it("should leave text without front matter as it is", () => {
    assert.deepEqual(readFrontMatter("Plain text."), { kind: "none", content: "Plain text." });
  });
});
