import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { bareTemplate, bareTitle } from "../../src/bench/bareBuild.ts";
import { firstQueryBytes, folderSize } from "../../src/bench/outputStats.ts";

describe("first-query estimate", () => {
  let dir = "";
  const gz = (size: number) => gzipSync(Buffer.alloc(size, 7));
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "bench-pagefind-"));
    for (const sub of ["index", "filter", "fragment"]) await mkdir(join(dir, sub));
    const entry = {
      version: "1.6.0",
      languages: { en: { hash: "en_abc", wasm: "en", page_count: 9 }, fr: { hash: "fr_x", wasm: "fr", page_count: 1 } },
    };
    await writeFile(join(dir, "pagefind-entry.json"), JSON.stringify(entry));
    await writeFile(join(dir, "pagefind.js"), "x".repeat(10_000));
    await writeFile(join(dir, "wasm.en.pagefind"), gz(50_000));
    await writeFile(join(dir, "wasm.fr.pagefind"), gz(90_000));
    await writeFile(join(dir, "pagefind.en_abc.pf_meta"), gz(100));
    await writeFile(join(dir, "filter", "en_1.pf_filter"), gz(10));
    await writeFile(join(dir, "index", "en_1.pf_index"), gz(1_000));
    await writeFile(join(dir, "index", "en_2.pf_index"), gz(9_000));
    await writeFile(join(dir, "fragment", "en_1.pf_fragment"), gz(10));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("should count the engine gzipped, Pagefind's own files as they are, and only the largest index chunk", async () => {
    const query = await firstQueryBytes(dir);
    const files = query.parts.map((part) => part.file);
    assert.deepEqual(files.slice(0, 5), [
      "pagefind-entry.json",
      "pagefind.js",
      "wasm.en.pagefind",
      "pagefind.en_abc.pf_meta",
      "filter/en_1.pf_filter",
    ]);
    assert.match(files[5] ?? "", /^index\/en_2\.pf_index \(largest of 2\)$/);
    assert.ok((query.parts[1]?.bytes ?? 0) < 200, "pagefind.js is counted gzipped");
    assert.equal(query.parts[2]?.bytes, gz(50_000).length);
    assert.equal(
      query.bytes,
      query.parts.reduce((sum, part) => sum + part.bytes, 0),
    );
    assert.equal(query.indexChunks, 2);
    const size = await folderSize(dir);
    assert.equal(size.files, 9);
  });
});

describe("bare Eleventy pages", () => {
  it("should take the headline as title and keep the text whole under a Markdown-only front matter", () => {
    const text = '# Talks "resume": {{ nothing runs }}\n\nPublished :`2024-07-16 23:37:19`\n';
    assert.equal(bareTitle("a.md", text), 'Talks "resume": {{ nothing runs }}');
    assert.equal(bareTitle("plain story.txt", "No headline."), "plain story");
    assert.equal(
      bareTemplate("a.md", text),
      `---\ntitle: "Talks \\"resume\\": {{ nothing runs }}"\nlayout: page.njk\ntemplateEngineOverride: md\n---\n${text}`,
    );
  });
});
