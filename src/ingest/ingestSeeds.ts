/**
 * Raw seeds → `Article` records: decode, parse, and make ids unique across
 * the archive. Files that cannot be articles (empty, binary) become error
 * diagnostics; every other file becomes exactly one record.
 */
import type { Article } from "../article.ts";
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import { uniqueIds } from "./articleId.ts";
import { decodeText } from "./decodeText.ts";
import type { IngestOptions } from "./ingestOptions.ts";
import { parseArticle } from "./parseArticle.ts";
import type { RawSeed } from "./rawSeed.ts";

export interface IngestResult {
  /** In seed (path) order. */
  readonly articles: readonly Article[];
  /** Errors for files that did not become articles. The articles carry their own. */
  readonly rejected: readonly Diagnostic[];
}

/**
 * A repeated id keeps its first owner (in path order); later files are
 * published as `id-2`, `id-3`, with a warning naming both files, so no
 * article is lost and no existing address changes.
 */
export function withUniqueIds(parsed: readonly Article[]): Article[] {
  const ids = uniqueIds(parsed.map((article) => article.id));
  const owners = new Map<string, string>();
  return parsed.map((article, index) => {
    const id = ids[index] ?? article.id;
    if (id === article.id) {
      owners.set(id, article.sourceFile);
      return article;
    }
    const owner = owners.get(article.id) ?? "another file";
    const warning = diagnostic(
      "DUPLICATE_ID",
      article.sourceFile,
      `the id “${article.id}” is already used by ${owner}; this article is published as “${id}”. Give one of them its own \`id\` in front matter.`,
    );
    return { ...article, id, diagnostics: [...article.diagnostics, warning] };
  });
}

export function ingestSeeds(seeds: readonly RawSeed[], options: IngestOptions): IngestResult {
  const parsed: Article[] = [];
  const rejected: Diagnostic[] = [];
  for (const seed of seeds) {
    const decoded = decodeText(seed.file, seed.bytes);
    if (!decoded.ok) rejected.push(decoded.error);
    else parsed.push(parseArticle({ file: seed.file, text: decoded.text, diagnostics: decoded.diagnostics }, options));
  }
  return { articles: withUniqueIds(parsed), rejected };
}
