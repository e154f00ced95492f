import type { Article } from "../../src/article.ts";

/** A minimal valid article for tests of the stages after ingest. */
export function makeArticle(id: string, date: string | null, overrides: Partial<Article> = {}): Article {
  return {
    id,
    sourceFile: `${id}.txt`,
    title: `Title ${id}`,
    titleSource: "derived",
    date,
    dateSource: date === null ? null : { kind: "text-line", line: 1, text: date },
    dateline: null,
    lead: `Lead of ${id}.`,
    body: [{ kind: "paragraph", text: `Lead of ${id}.`, line: 3 }],
    dateConflict: null,
    diagnostics: [],
    ...overrides,
  };
}
