import type { BuildReport } from "./build.ts";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** `Built 2 articles, 1 warning, 5 pages written in 1.8 s → _site`: the last line of every build. */
export function summaryLine(report: BuildReport, outDir: string): string {
  const warnings = report.diagnostics.filter((diagnostic) => diagnostic.severity === "warning").length;
  return (
    `Built ${plural(report.archive.articles.length, "article")}, ${plural(warnings, "warning")}, ` +
    `${plural(report.pages.length, "page")} written, ${report.indexedPages} indexed for search, ` +
    `in ${report.seconds.toFixed(1)} s → ${outDir}`
  );
}
