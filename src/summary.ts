/** What the command line prints about a run: counts in one line. */
import type { Diagnostic, Level } from "./diagnostics.ts";

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function countLevel(diagnostics: readonly Diagnostic[], level: Level): number {
  return diagnostics.filter((d) => d.level === level).length;
}

/** `2 articles, 1 warning, 0 errors`: the counts every summary starts with. */
export function diagnosticCounts(articles: number, diagnostics: readonly Diagnostic[]): string {
  return `${plural(articles, "article")}, ${plural(countLevel(diagnostics, "warning"), "warning")}, ${plural(countLevel(diagnostics, "error"), "error")}`;
}
