/**
 * One seed file → its record and what the archive takes from it alone
 * (entity mentions and quotations). Everything here depends only on the
 * file's path and bytes and the ingest options, so it runs in worker threads
 * (`prepareWorker.ts`) and is cached by content (`articleCache.ts`). Pure.
 */
import { findInArticle, type ArticleFindings } from "../archive/entityPages.ts";
import type { Article } from "../article.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { decodeText } from "../ingest/decodeText.ts";
import type { IngestOptions } from "../ingest/ingestOptions.ts";
import { parseArticle } from "../ingest/parseArticle.ts";
import type { RawSeed } from "../ingest/rawSeed.ts";

/** A seed as an article with its findings, or the error that kept it from being one (empty, binary). */
export type PreparedSeed =
  { readonly ok: true; readonly article: Article; readonly findings: ArticleFindings } | { readonly ok: false; readonly error: Diagnostic };

export function prepareSeed(seed: RawSeed, options: IngestOptions): PreparedSeed {
  const decoded = decodeText(seed.file, seed.bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const article = parseArticle({ file: seed.file, text: decoded.text, diagnostics: decoded.diagnostics }, options);
  return { ok: true, article, findings: findInArticle(article) };
}
