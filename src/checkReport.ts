/**
 * The `check --json` document: every record and every diagnostic, in a
 * stable shape for scripts (see README, "Check the articles").
 */
import type { Article, DateSource, IsoDate, TitleSource } from "./article.ts";
import { articleUrl } from "./archive/buildArchive.ts";
import type { IngestedFolder } from "./build.ts";
import type { Diagnostic, DiagnosticCode, Level } from "./diagnostics.ts";

export interface CheckedDiagnostic {
  readonly file: string;
  readonly line: number | null;
  readonly level: Level;
  readonly code: DiagnosticCode;
  readonly message: string;
}

export interface CheckedArticle {
  readonly file: string;
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly titleSource: TitleSource;
  readonly date: IsoDate | null;
  readonly dateSource: DateSource | null;
  readonly updated: IsoDate | null;
  readonly dateline: string | null;
  readonly byline: string | null;
  readonly words: number;
  readonly diagnostics: readonly CheckedDiagnostic[];
}

export interface CheckReport {
  readonly articles: readonly CheckedArticle[];
  readonly diagnostics: readonly CheckedDiagnostic[];
  readonly summary: {
    readonly files: number;
    readonly articles: number;
    readonly byCode: Partial<Record<DiagnosticCode, number>>;
    readonly seconds: number;
  };
}

function checked(d: Diagnostic): CheckedDiagnostic {
  return { file: d.file, line: d.line ?? null, level: d.level, code: d.code, message: d.message };
}

export function checkReport(loaded: IngestedFolder, seconds: number): CheckReport {
  const articles = loaded.articles.map((article: Article) => ({
    file: article.sourceFile,
    id: article.id,
    url: articleUrl(article.id),
    title: article.title,
    titleSource: article.titleSource,
    date: article.date,
    dateSource: article.dateSource,
    updated: article.updated,
    dateline: article.dateline,
    byline: article.byline,
    words: article.words,
    diagnostics: article.diagnostics.map(checked),
  }));
  const byCode: Partial<Record<DiagnosticCode, number>> = {};
  for (const d of loaded.diagnostics) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
  return {
    articles,
    diagnostics: loaded.diagnostics.map(checked),
    summary: { files: loaded.files, articles: articles.length, byCode, seconds: Math.round(seconds * 1000) / 1000 },
  };
}
