// Whole builds of small random archives (random text, front matter, file
// names and encodings): the build never crashes, every readable article is
// published exactly once, every page passes the safe-HTML check, and
// nothing is written outside the output folder.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { buildSite } from "../../src/build.ts";
import { unsafeHtml } from "../support/safeHtml.ts";

const RUNS = Number(process.env["BUILD_PROPERTY_RUNS"] ?? 20);

const fileName = fc
  .tuple(
    fc.constantFrom(
      "Gaza talks",
      "../escape",
      "..",
      "café–news",
      "a/b",
      "CON",
      " spaced ",
      "<script>",
      "2021-05-18 story",
      "x".repeat(120),
      "ünïcödé",
    ),
    fc.nat(99),
    fc.constantFrom(".txt", ".md"),
  )
  .map(([stem, n, ext]) => `${stem.replace(/[/\\]/g, "_").replace(/^\.+$/, "dots")}-${n}${ext}`);

const frontMatter = fc.oneof(
  fc.constant(""),
  fc
    .record({
      title: fc.oneof(fc.string(), fc.constantFrom("<script>alert(1)</script>", "{{ 7 * 6 }}", "{% include 'x' %}")),
      slug: fc.constantFrom("../../outside", "/etc/passwd", "search", "pagefind", "index", "ok"),
      permalink: fc.constantFrom("../../outside/", "/search/", "x"),
    })
    .map(
      ({ title, slug, permalink }) =>
        `---\ntitle: ${JSON.stringify(title)}\nslug: ${JSON.stringify(slug)}\npermalink: ${JSON.stringify(permalink)}\n---\n`,
    ),
  fc.constant("---js\n{ title: (globalThis.__buildRan = 1, 'x') }\n---\n"),
);

const body = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom(
    'May 18, 2021\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1)) <div data-pagefind-filter="year:1900">x</div>',
    "WASHINGTON – Talks resumed.\n\nCaption of a photo.\n\nJane Doe | Reuters",
    "",
  ),
);

const encoding = fc.constantFrom("utf8", "utf16le", "latin1");

const archive = fc.uniqueArray(fc.tuple(fileName, frontMatter, body, encoding), {
  minLength: 1,
  maxLength: 6,
  selector: ([name]) => name.toLowerCase(),
});

function encode(text: string, how: string): Buffer {
  if (how === "utf16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  return Buffer.from(text, how === "latin1" ? "latin1" : "utf8");
}

describe("builds of random archives", () => {
  it("should never crash, never lose a readable article, never write outside the output or emit unsafe HTML", async () => {
    await fc.assert(
      fc.asyncProperty(archive, async (files) => {
        const dir = await mkdtemp(join(tmpdir(), "clippings-random-"));
        const seeds = join(dir, "seeds");
        const out = join(dir, "out", "site");
        await mkdir(seeds);
        for (const [name, front, text, how] of files) await writeFile(join(seeds, name), encode(`${front}${text}`, how));

        let report;
        try {
          report = await buildSite({ seedsDir: seeds, outDir: out });
        } catch (error) {
          // The one failure allowed: no file at all could be read as an article.
          assert.match((error as Error).message, /could be read|holds no article files/, String(error));
          return;
        }
        assert.equal((globalThis as Record<string, unknown>)["__buildRan"], undefined, "front-matter code ran");
        // Each file is published, refused with an error, or (hidden) skipped with a note.
        const accounted = new Set(report.diagnostics.filter((d) => d.level === "error" || d.code === "HIDDEN_FILE").map((d) => d.file));
        assert.equal(report.articles.length + accounted.size, files.length, "an article went missing");
        const published = new Set(await readdir(join(out, "articles")));
        assert.equal(published.size, report.articles.length, "articles and pages differ");
        for (const article of report.articles) assert.ok(published.has(article.id), `${article.sourceFile} has no page`);
        assert.deepEqual((await readdir(dir)).sort(), ["out", "seeds"], "something was written beside the output");
        assert.deepEqual(await readdir(join(dir, "out")), ["site"], "something was written beside the output");
        assert.deepEqual(await unsafeHtml(out), []);
      }),
      { numRuns: RUNS },
    );
  });
});
