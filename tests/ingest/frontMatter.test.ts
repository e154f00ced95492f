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

  it("should keep timestamps as written, zone included", () => {
    const result = readFrontMatter("---\ndate: 2021-05-18T23:30:00-07:00\n---\nBody.\n");
    assert.equal(result.kind === "data" ? result.data["date"] : null, "2021-05-18T23:30:00-07:00");
  });

  for (const language of ["js", "javascript", "coffee", "json", "toml"]) {
    it(`should refuse ---${language} front matter without running it`, () => {
      const marker = `clippings_ran_${language}_${process.pid}`;
      const result = readFrontMatter(`---${language}\n{ title: (globalThis.${marker} = true, "x") }\n---\nBody.\n`);
      assert.equal(result.kind, "refused");
      assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
      assert.equal(result.content.trim(), "Body.");
    });
  }

  const invalid: Array<[string, string]> = [
    ["broken YAML", "---\ntitle: [unclosed\n---\nBody.\n"],
    ["a list, not fields", "---\n- a\n- b\n---\nBody.\n"],
    ["a custom tag", "---\nt: !!js/function 'function(){}'\n---\nBody.\n"],
    ["duplicate keys", "---\ntitle: a\ntitle: b\n---\nBody.\n"],
    [
      "an alias bomb",
      "---\na: &a [1,2,3,4,5,6,7,8,9]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\nBody.\n",
    ],
  ];
  for (const [name, text] of invalid) {
    it(`should report ${name} and keep the whole text`, () => {
      const result = readFrontMatter(text);
      assert.equal(result.kind, "invalid");
      assert.equal(result.content, text);
    });
  }

  it("should report unterminated front matter and keep the whole text", () => {
    const text = "---\ntitle: x\nBody with no end\n";
    assert.deepEqual(readFrontMatter(text), { kind: "unterminated", content: text });
  });

  it("should leave text without front matter as it is", () => {
    assert.deepEqual(readFrontMatter("Plain text."), { kind: "none", content: "Plain text." });
  });
});
