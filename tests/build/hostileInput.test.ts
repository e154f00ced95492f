// A seeds folder of everything that goes wrong in real archives, built as a
// whole: nothing runs, nothing breaks the page, nothing else is lost.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { buildSite, type BuildReport } from "../../src/build.ts";
import { readIndexedPages } from "../support/pagefindIndex.ts";
import { unsafeHtml } from "../support/safeHtml.ts";

let dir = "";
let outDir = "";
let report: BuildReport;
const marker = () => join(dir, "code-ran.txt");
const page = async (id: string) => readFile(join(outDir, "articles", id, "index.html"), "utf8");

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "clippings-hostile-"));
  const seeds = join(dir, "seeds");
  outDir = join(dir, "site");
  await mkdir(seeds);
  const markerPath = JSON.stringify(marker());
  await writeFile(
    join(seeds, "js.md"),
    `---js\n{ title: require("fs").writeFileSync(${markerPath}, "ran") || "x" }\n---\nMay 18, 2021\n\nBody of js.\n`,
  );
  await writeFile(
    join(seeds, "javascript.md"),
    `---javascript\nrequire("fs").writeFileSync(${markerPath}, "ran")\n---\nMay 18, 2021\n\nBody.\n`,
  );
  await writeFile(
    join(seeds, "html.md"),
    `---\ntitle: "<script>alert('title')</script> Headline"\ndate: 2021-05-18\n---\n<script>alert('body')</script>\n\n<img src=x onerror=alert(1)> and [a link](javascript:alert(1)) and {{ 7 * 6 }} {% include "base.njk" %}\n`,
  );
  await writeFile(join(seeds, "empty.txt"), "");
  await writeFile(join(seeds, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00]));
  const paragraph = "Ceasefire talks resumed on Monday, officials said, as envoys met again in Cairo. ".repeat(12);
  const paragraphs = Array.from({ length: Math.ceil((5 * 1024 * 1024) / paragraph.length) }, () => paragraph.trim());
  await writeFile(join(seeds, "huge.txt"), `May 18, 2021\n\n${paragraphs.join("\n\n")}\n\nThe last word is zanzibarquux.\n`);
  report = await buildSite({ seedsDir: seeds, outDir });
});

describe("a build of hostile and broken input", () => {
  it("should pass the safe-HTML check on every page", async () => {
    assert.deepEqual(await unsafeHtml(outDir, "/"), []);
  });

  it("should never run front-matter code", () => {
    assert.equal(existsSync(marker()), false);
    const codes = report.diagnostics.filter((d) => d.file === "js.md" || d.file === "javascript.md").map((d) => d.code);
    assert.deepEqual(codes, ["FRONT_MATTER_REFUSED", "FRONT_MATTER_REFUSED"]);
  });

  it("should publish every readable article and report the rest as errors", () => {
    assert.deepEqual(report.articles.map((a) => a.sourceFile).sort(), ["html.md", "huge.txt", "javascript.md", "js.md"]);
    assert.deepEqual(
      report.diagnostics
        .filter((d) => d.level === "error")
        .map((d) => [d.file, d.code])
        .sort(),
      [
        ["binary.txt", "BINARY_FILE"],
        ["empty.txt", "EMPTY_FILE"],
      ],
    );
  });

  it("should show raw HTML, scripts and template syntax as text", async () => {
    const html = await page("html");
    const document = parse(html);
    const scripts = document.querySelectorAll("script");
    assert.deepEqual(
      scripts.map((script) => script.getAttribute("src") ?? script.getAttribute("type")),
      ["application/ld+json", "/assets/highlight.js"],
      "only the site's own structured data and search-term highlighter",
    );
    assert.ok(!scripts[0]?.innerHTML.includes("<"), "a < inside JSON-LD could end the script");
    assert.equal(JSON.parse(scripts[0]?.innerHTML ?? "{}").headline, "<script>alert('title')</script> Headline");
    assert.equal(document.querySelector("h1")?.textContent, "<script>alert('title')</script> Headline");
    assert.equal(document.querySelectorAll("[onerror]").length, 0);
    assert.ok(!/href="\s*javascript:/i.test(html), "a javascript: link was rendered as a link");
    assert.match(document.querySelector(".article-body")?.textContent ?? "", /\{\{ 7 \* 6 \}\} \{% include "base\.njk" %\}/);
    assert.match(document.querySelector(".article-body")?.textContent ?? "", /<script>alert\('body'\)<\/script>/);
  });

  it("should keep a 5 MB article whole and searchable", async () => {
    const html = await page("huge");
    assert.ok(html.length > 5 * 1024 * 1024);
    assert.match(html, /The last word is zanzibarquux\./);
    const indexed = await readIndexedPages(outDir);
    const huge = indexed.find((p) => p.url === "/articles/huge/");
    assert.ok(huge?.content.includes("zanzibarquux"), "the end of the article is not in the search index");
  });
});
