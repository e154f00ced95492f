// Properties of ingest over arbitrary input: whatever bytes a seeds folder
// holds, ingest returns records (or one error per file) without throwing,
// every record is safe to render and to use as an address, and code in
// front matter is never run. Generated with fast-check; a failure prints the
// shrunk counterexample and the seed to replay it with.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse as parseHtml } from "node-html-parser";
import { figuresOf, paragraphsOf } from "../../src/article.ts";
import { DIAGNOSTIC_CODES, type Diagnostic } from "../../src/diagnostics.ts";
import type { IngestOptions } from "../../src/ingest/ingestOptions.ts";
import { ingestSeeds } from "../../src/ingest/ingestSeeds.ts";
import type { RawSeed } from "../../src/ingest/rawSeed.ts";
import { readSeedFiles } from "../../src/ingest/readSeedFiles.ts";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";
import { renderMarkdown, renderMarkdownInline } from "../../src/render/markdown.ts";
import { TEST_OPTIONS } from "../support/articles.ts";

/**
 * Runs per property: enough to shake out parser edge cases, few enough for a
 * quick test run. `PROPERTY_RUNS=20000` searches harder.
 */
const RUNS = Number(process.env["PROPERTY_RUNS"] ?? "") || 400;

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

/** Lines that open an article: date lines, headlines, bylines, rules. */
const HEADER_LINES = [
  "May 18, 2021",
  "18 May 2021",
  "2021-05-18",
  "Tuesday, May 18, 2021",
  "Tuesday, May 19, 2021",
  "May 18, 2021 4:05 PM EDT",
  "date 2021-05-18 The talks resumed on Tuesday.",
  "Published: May 18, 2021 4:05 PM EDT",
  "Updated: May 19, 2021 9:12 AM EDT",
  "Published :`2024-07-16 23:37:19`",
  "September 28, 2023",
  "03/04/2021",
  "31/12/2021",
  "June 1, 2030",
  "February 30, 2021",
  "# Israel and Hamas agree to resume talks",
  "## Analysis",
  "Ceasefire talks resume in Cairo",
  "By Lauren Izso and Mohammed Tawfeeq",
  "By Jane Doe, CNN",
  "---",
  "-----",
  "***",
] as const;

/** Lines of a story, and lines written to attack the renderer. */
const BODY_LINES = [
  "On May 18, 2021 and May 19, 2021, strikes hit Gaza City.",
  "Smoke rises over Gaza City on May 18, 2021.",
  "The vote was held on Tuesday, May 19, 2021.",
  "It happened nine days ago, last week, yesterday, on Wednesday.",
  "WASHINGTON – President Joe Biden spoke on Monday.",
  "GAZA CITY (Reuters) — Israeli strikes hit the city.",
  "New York (AP) - Stocks fell.",
  "Sebastian Scheiner | Reuters",
  "Ashraf Amra | Anadolu Agency | Getty Images",
  "Photo: Jane Doe/AP",
  "Protesters gather on Tuesday. (Getty Images)",
  "Protesters gather on Tuesday. (AP Photo/Jane Doe)",
  "Getty Images",
  "\\### Not a heading, snake\\_case",
  "- a list item",
  "> a quotation",
  "    indented code",
  "```",
  "| a | b |",
  "...",
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  "<iframe src=//x.example></iframe>",
  '<a href="javascript:alert(1)">x</a>',
  "<scr<script>ipt>alert(1)</script>",
  "&lt;script&gt; &#x3C;script&#x3E; &#60;iframe&#62;",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](java&#x09;script:alert(1))",
  "[x](<javascript:alert(1)>)",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "[x](data:image/png;base64,iVBORw0KGgo=)",
  "![x](javascript:alert(1))",
  '![x](y "a onerror=alert(1)")',
  '[x](https://example.com "t onclick=alert(1)")',
  "[Gaza](https://en.wikipedia.org/wiki/Gaza_(city))",
  "<javascript:alert(1)>",
  "[a]: javascript:alert(1)",
  "[a]",
  "`<script>alert(1)</script>`",
] as const;

/** Any code point, including the ones that are not text (controls, noncharacters). */
const anyText = (maxLength: number) => fc.string({ unit: "binary", maxLength });
/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnits = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength });

const noise: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: anyText(20) },
);
const mixed = (lines: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...lines) },
    { weight: 2, arbitrary: noise },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...lines), noise, fc.constantFrom(...BODY_LINES)).map((parts) => parts.join("")) },
  );

/** Mostly plain line breaks and paragraph breaks; now and then Windows, old Mac, or a space. */
const lineBreak = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("\n", "\n\n") },
  { weight: 1, arbitrary: fc.constantFrom("\r\n", "\r\n\r\n", "\r", " ", "\n   \n", "\t\n", "\u2028") },
);
const joined = (lines: fc.Arbitrary<string>, maxLength: number) =>
  fc.array(fc.tuple(lines, lineBreak), { maxLength }).map((pairs) => pairs.flat().join(""));

/** Article-like text: a few header lines, then story lines. */
const articleText: fc.Arbitrary<string> = fc
  .tuple(joined(mixed(HEADER_LINES), 4), joined(mixed(BODY_LINES), 8))
  .map(([header, body]) => header + body);

const YAML_KEYS = [
  "title",
  "headline",
  "date",
  "updated",
  "modified",
  "id",
  "slug",
  "tags",
  "keywords",
  "author",
  "authors",
  "byline",
  "dateline",
  "summary",
  "description",
  "source",
  "people",
  "places",
  "__proto__",
  "constructor",
  "toString",
] as const;
/** Values YAML reads as text, numbers, lists: what front matter usually holds, and some hostile text. */
const YAML_VALUES = [
  "2021-05-18",
  "2021-05-18T23:30:00-07:00",
  "May 18, 2021",
  "03/04/2021",
  "2030-01-01",
  "20210518",
  "007",
  "1e400",
  "0x1F",
  "[Gaza, Egypt]",
  "Gaza, Egypt",
  "[a, [b]]",
  "{a: 1}",
  "null",
  "~",
  "true",
  "''",
  '""',
  "Talks resume in Cairo",
  "<script>alert(1)</script>",
  "'<img src=x onerror=alert(1)>'",
  "'[x](javascript:alert(1))'",
  "../../escape",
  "..",
  "/",
  "a/b",
  "Gaza talks",
  "'Gaza\\_talks: what we know'",
  "By Lauren Izso",
  "[Lauren Izso, Mohammed Tawfeeq]",
  "WASHINGTON",
] as const;
/** Values YAML refuses or that try its features: anchors, aliases, tags, unclosed brackets. */
const YAML_BAD_VALUES = [
  "&a [1, 2, 3]",
  "*a",
  "[*a, *a, *a, *a]",
  "!!js/function 'function () { return 1 }'",
  "!!js/undefined ''",
  "!!binary aGk=",
  "!<tag:yaml.org,2002:js/regexp> /x/",
  "[unclosed",
  "{unclosed",
  "'unclosed",
  "x: y: z",
  "|",
  ">-",
] as const;
const YAML_RAW_LINES = [
  "- a",
  "  - b",
  "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "<<: *a",
  "? complex key",
  "%YAML 1.2",
  "---",
  "...",
  "  indented: value",
  "\tsummary: tab",
  "# a comment",
  "title: a\ntitle: b",
  "summary: a wrapped\n  value",
] as const;

const yamlField = (values: readonly string[]) =>
  fc.tuple(fc.constantFrom(...YAML_KEYS), fc.constantFrom(...values)).map(([key, value]) => `${key}: ${value}`);

const yamlLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: yamlField(YAML_VALUES) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...YAML_KEYS), fc.string({ unit: "grapheme-ascii", maxLength: 20 }))
      .map(([key, value]) => `${key}: ${value}`),
  },
  { weight: 1, arbitrary: yamlField(YAML_BAD_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...YAML_RAW_LINES) },
  { weight: 1, arbitrary: anyText(20) },
);

/** A front-matter block of YAML-ish lines, in any fence language, closed or not, then a body. */
const frontMatterText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant("---\n") },
      { weight: 3, arbitrary: fc.constantFrom("---js\n", "---yaml\n", "---json\n", "--- \n", "----\n", "") },
    ),
    fc.option(fc.constantFrom(...YAML_VALUES).map((value) => `title: ${value}`)),
    fc.uniqueArray(yamlLine, { maxLength: 6, selector: (line) => line.split(":")[0] }),
    fc.oneof({ weight: 4, arbitrary: fc.constant("---\n") }, { weight: 1, arbitrary: fc.constantFrom("--- \n", "...\n", "") }),
    articleText,
  )
  .map(([open, title, lines, close, body]) => {
    const fields = title === null ? lines : [title, ...lines.filter((line) => !line.startsWith("title:"))];
    return `${open}${fields.map((line) => `${line}\n`).join("")}${close}${body}`;
  });

const BOMS: ReadonlyArray<readonly number[]> = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let index = 0; index < text.length; index++) view.setUint16(2 + index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}

/** Text as a file on disk: UTF-8 with or without BOM, UTF-16 either way round. */
const encoded = (text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> =>
  fc.tuple(text, fc.constantFrom("utf-8", "utf-8-bom", "utf-16le", "utf-16be")).map(([value, encoding]) => {
    if (encoding === "utf-16le") return utf16(value, true);
    if (encoding === "utf-16be") return utf16(value, false);
    const body = new TextEncoder().encode(value);
    return encoding === "utf-8" ? body : new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
  });

/** UTF-8 text with arbitrary bytes spliced in: invalid sequences, NULs, controls. */
const corrupted: fc.Arbitrary<Uint8Array> = fc.tuple(articleText, fc.uint8Array({ maxLength: 8 }), fc.nat()).map(([text, junk, at]) => {
  const bytes = new TextEncoder().encode(text);
  const cut = bytes.length === 0 ? 0 : at % bytes.length;
  return new Uint8Array([...bytes.subarray(0, cut), ...junk, ...bytes.subarray(cut)]);
});

const seedBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 3, arbitrary: encoded(articleText) },
  { weight: 3, arbitrary: encoded(frontMatterText) },
  { weight: 1, arbitrary: encoded(anyCodeUnits(60)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...BOMS), fc.uint8Array({ maxLength: 200 }))
      .map(([bom, rest]) => new Uint8Array([...bom, ...rest])),
  },
  { weight: 1, arbitrary: corrupted },
);

const fileName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "story.txt",
    "2021-05-18-story.md",
    "Gaza talks.txt",
    "gaza-talks.md",
    "sub/dir/nested.markdown",
    ".md",
    "-.txt",
    "___.md",
    "..txt",
    "....md",
    "ñandú – crónica.txt",
    "日本語.md",
    "CON.txt",
    "a b/c d/e f.md",
    "2021-02-30-bad-date.txt",
  ),
  fc.tuple(anyText(24), fc.constantFrom(".txt", ".md", ".markdown")).map(([name, extension]) => `${name}${extension}`),
);

const options: fc.Arbitrary<IngestOptions> = fc.constantFrom<IngestOptions>(
  TEST_OPTIONS,
  { ...TEST_OPTIONS, numericDates: "day-first" },
  { ...TEST_OPTIONS, numericDates: "month-first" },
);

const seed: fc.Arbitrary<RawSeed> = fc.record({ file: fileName, bytes: seedBytes });

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

const ID = /^[a-z0-9_][a-z0-9_-]*$/;

/**
 * markdown-it lets Markdown link to raster images as `data:` URLs
 * (`[x](data:image/png;base64,...)`); they cannot run script. Every other
 * `data:` URL (text/html, image/svg+xml) is active content.
 */
const RASTER_DATA_URL = /^data:image\/(?:gif|png|jpeg|webp);/;
const ACTIVE_SCHEME = /^(?:javascript|vbscript|data):/;
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href"] as const;

/** Why `html` could run script in a browser, or `null` when it cannot. */
function activeHtml(html: string): string | null {
  if (/<script/i.test(html)) return "a <script> tag";
  if (/<iframe/i.test(html)) return "an <iframe> tag";
  for (const [written, url = ""] of html.matchAll(/href\s*=\s*["']?\s*((?:javascript|vbscript|data):[^"'\s>]*)/gi)) {
    if (!RASTER_DATA_URL.test(url.toLowerCase())) return `a link written “${written}”`;
  }
  for (const element of parseHtml(html).querySelectorAll("*")) {
    const attributes = element.attributes;
    for (const name of Object.keys(attributes)) {
      if (/^on/i.test(name)) return `an event handler attribute ${name} on <${element.rawTagName}>`;
    }
    for (const name of URL_ATTRIBUTES) {
      const value = attributes[name];
      if (value === undefined) continue;
      // Browsers ignore control characters and white space in a URL's scheme.
      const url = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (ACTIVE_SCHEME.test(url) && !RASTER_DATA_URL.test(url)) return `${name}="${value}" on <${element.rawTagName}>`;
    }
  }
  return null;
}

function assertKnownDiagnostic(item: Diagnostic, file: string): void {
  assert.equal(item.file, file, `diagnostic ${item.code} names ${item.file}, not ${file}`);
  assert.ok(Object.hasOwn(DIAGNOSTIC_CODES, item.code), `unknown diagnostic code ${item.code}`);
  assert.equal(item.level, DIAGNOSTIC_CODES[item.code], `${item.code} has level ${item.level}`);
  assert.equal(typeof item.message, "string");
  assert.ok(item.message.length > 0, `${item.code} has no message`);
  if (item.line !== undefined) assert.ok(Number.isInteger(item.line) && item.line >= 1, `${item.code} has line ${item.line}`);
}

const runs = { numRuns: RUNS };

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe("ingest properties", () => {
  it("should never throw and should give exactly one article or one error per file", () => {
    fc.assert(
      fc.property(seed, options, ({ file, bytes }, settings) => {
        const result = ingestSeeds([{ file, bytes }], settings);
        assert.equal(result.articles.length + result.rejected.length, 1, "one outcome per file");
        const [error] = result.rejected;
        if (error !== undefined) {
          assert.equal(error.level, "error");
          assert.equal(error.file, file);
        }
      }),
      runs,
    );
  });

  it("should name the file and use a known code in every diagnostic", () => {
    fc.assert(
      fc.property(seed, options, ({ file, bytes }, settings) => {
        const result = ingestSeeds([{ file, bytes }], settings);
        for (const item of result.rejected) assertKnownDiagnostic(item, file);
        for (const article of result.articles) {
          assert.equal(article.sourceFile, file);
          for (const item of article.diagnostics) assertKnownDiagnostic(item, file);
        }
      }),
      runs,
    );
  });

  it("should never render a paragraph or a caption as active HTML", () => {
    fc.assert(
      fc.property(seed, options, ({ file, bytes }, settings) => {
        for (const article of ingestSeeds([{ file, bytes }], settings).articles) {
          for (const paragraph of paragraphsOf(article)) {
            const html = renderMarkdown(paragraph.text);
            const problem = activeHtml(html);
            assert.equal(problem, null, `paragraph on line ${paragraph.line} renders ${problem}: ${html}`);
          }
          for (const figure of figuresOf(article)) {
            const html = renderMarkdownInline(figure.caption);
            const problem = activeHtml(html);
            assert.equal(problem, null, `caption on line ${figure.line} renders ${problem}: ${html}`);
          }
        }
      }),
      runs,
    );
  });

  it("should render the hostile lines of the generator as inert text", () => {
    // The generator's vocabulary, each line checked once on its own, so a
    // regression here does not depend on the random draw.
    for (const line of [...HEADER_LINES, ...BODY_LINES]) {
      assert.equal(activeHtml(renderMarkdown(line)), null, line);
      assert.equal(activeHtml(renderMarkdownInline(line)), null, line);
    }
    // The checker itself: it must see what it is looking for.
    assert.notEqual(activeHtml('<p><a href="javascript:alert(1)">x</a></p>'), null);
    assert.notEqual(activeHtml('<p><a href="&#106;avascript:alert(1)">x</a></p>'), null);
    assert.notEqual(activeHtml('<img src="x" onerror="alert(1)">'), null);
    assert.notEqual(activeHtml('<a href="data:text/html,x">x</a>'), null);
    assert.equal(activeHtml('<img src="y" alt="x" title="a onerror=alert(1)">'), null);
    // The one allowance, documented above RASTER_DATA_URL.
    assert.equal(activeHtml('<a href="data:image/png;base64,iVBORw0KGgo=">x</a>'), null);
  });

  it("should give an id safe as one address segment", () => {
    fc.assert(
      fc.property(seed, options, ({ file, bytes }, settings) => {
        for (const article of ingestSeeds([{ file, bytes }], settings).articles) {
          assert.match(article.id, ID);
          assert.ok(!article.id.includes(".."), article.id);
          assert.ok(!article.id.includes("/"), article.id);
        }
      }),
      runs,
    );
  });

  it("should give every article of a folder its own safe id", () => {
    const folder = fc.uniqueArray(seed, { selector: (item) => item.file, maxLength: 6 });
    fc.assert(
      fc.property(folder, options, (seeds, settings) => {
        const result = ingestSeeds(seeds, settings);
        assert.equal(result.articles.length + result.rejected.length, seeds.length);
        const ids = result.articles.map((article) => article.id);
        assert.equal(new Set(ids).size, ids.length, `repeated id in ${ids.join(", ")}`);
        for (const id of ids) assert.match(id, ID);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it("should give the same records for the same input", () => {
    fc.assert(
      fc.property(seed, options, ({ file, bytes }, settings) => {
        const first = ingestSeeds([{ file, bytes: Uint8Array.from(bytes) }], settings);
        const second = ingestSeeds([{ file, bytes: Uint8Array.from(bytes) }], settings);
        assert.deepStrictEqual(second, first);
      }),
      runs,
    );
  });

  describe("front matter in a programming language", () => {
    const MARKER = "__clippingsFrontMatterRan";
    const globals = globalThis as Record<string, unknown>;
    const fence = fc.constantFrom(
      "---js",
      "---javascript",
      "---JS",
      "---Javascript",
      "--- js",
      "---js ",
      "---coffee",
      "---json",
      "---JSON",
    );
    const code = fc.constantFrom(
      `{ title: (globalThis.${MARKER} = "expression", "Ran"), date: "2021-05-18" }`,
      `globalThis.${MARKER} = "statement"`,
      `(() => { globalThis.${MARKER} = "function"; return { title: "Ran" }; })()`,
      `{ "title": "Ran", "date": "2021-05-18" }, globalThis.${MARKER} = "comma"`,
      `Object.defineProperty(globalThis, "${MARKER}", { value: "define", configurable: true })`,
      `title = (globalThis.${MARKER} = "coffee")`,
    );
    const jsFile = fc
      .tuple(fence, fc.array(code, { minLength: 1, maxLength: 3 }), fc.constantFrom("---\n", ""), articleText)
      .map(([open, lines, close, body]) => `${open}\n${lines.join("\n")}\n${close}${body}`);

    it("should never run it, whatever the fence says", () => {
      fc.assert(
        fc.property(jsFile, options, (text, settings) => {
          const result = ingestSeeds([{ file: "code.md", bytes: new TextEncoder().encode(text) }], settings);
          assert.equal(globals[MARKER], undefined, "front matter code ran");
          const [article] = result.articles;
          // Noise in the body can make the file binary: then it is refused whole, which is fine too.
          if (article === undefined) return;
          assert.notEqual(article.title, "Ran", "the title came from code");
          const codes = article.diagnostics.map((item) => item.code);
          assert.ok(
            codes.includes("FRONT_MATTER_REFUSED") || codes.includes("FRONT_MATTER_INVALID") || codes.includes("FRONT_MATTER_UNTERMINATED"),
            `no front-matter warning: ${codes.join(", ")}`,
          );
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
    });

    it("should never run the fixtures' ---js, ---javascript and ---json blocks", async () => {
      // Those fixtures set globalThis.clippingsFixtureRan if evaluated.
      for (const name of ["bad-front-matter-js", "bad-front-matter-javascript", "bad-front-matter-json"]) {
        const { seeds } = await readSeedFiles(join(PROJECT_ROOT, "tests", "fixtures", "ingest", name));
        const [article] = ingestSeeds(seeds, TEST_OPTIONS).articles;
        assert.equal(globals["clippingsFixtureRan"], undefined, `${name} ran`);
        assert.deepEqual(
          article?.diagnostics.map((item) => item.code),
          ["FRONT_MATTER_REFUSED"],
          name,
        );
        assert.equal(article?.titleSource, "derived", `${name}: the title came from the refused block`);
      }
    });
  });
});
