import type { Article } from "../../src/article.ts";
import type { IngestOptions } from "../../src/ingest/ingestOptions.ts";
import { parseArticle } from "../../src/ingest/parseArticle.ts";

/** Fixed, so tests never depend on the day they run. */
export const TEST_OPTIONS: IngestOptions = { today: "2026-01-01" };

/** Parses `text` as the file `file`, as ingest would after decoding. */
export function parse(text: string, file = "story.txt", options: IngestOptions = TEST_OPTIONS): Article {
  return parseArticle({ file, text, diagnostics: [] }, options);
}

/** A minimal valid article for tests of the stages after ingest. */
export function makeArticle(id: string, date: string | null, overrides: Partial<Article> = {}): Article {
  return {
    id,
    sourceFile: `${id}.txt`,
    title: `Title ${id}`,
    titleSource: "derived",
    date,
    dateSource: date === null ? null : { kind: "text-line", line: 1, text: date },
    updated: null,
    dateline: null,
    lead: `Lead of ${id}.`,
    byline: null,
    tags: [],
    people: [],
    places: [],
    summary: null,
    source: null,
    body: [{ kind: "paragraph", text: `Lead of ${id}.`, line: 3 }],
    words: 3,
    dateConflict: null,
    diagnostics: [],
    ...overrides,
  };
}
