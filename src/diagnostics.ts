/**
 * Problems found in the input, as values: a level, a stable code a program
 * can match, the file (and line where known) and a sentence a person can act on.
 */

/** `error`: that one article is not published. `warning`: it is, as described. `note`: for information. */
export type Level = "error" | "warning" | "note";

export const DIAGNOSTIC_CODES = {
  // The file as a whole.
  EMPTY_FILE: "error",
  BINARY_FILE: "error",
  FILE_TOO_LARGE: "error",
  READ_FAILED: "error",
  INVALID_UTF8: "warning",
  CONTROL_CHARACTERS: "warning",
  HIDDEN_FILE: "note",
  SYMLINK: "note",
  NOT_AN_ARTICLE: "note",
  EMPTY_BODY: "warning",
  // Front matter.
  FRONT_MATTER_INVALID: "warning",
  FRONT_MATTER_UNTERMINATED: "warning",
  FRONT_MATTER_REFUSED: "warning",
  FRONT_MATTER_FIELD: "warning",
  // Dates.
  NO_DATE: "warning",
  AMBIGUOUS_DATE: "warning",
  DATE_CONFLICT: "warning",
  WEEKDAY_MISMATCH: "warning",
  FUTURE_DATE: "warning",
  // Identity.
  DUPLICATE_ID: "warning",
  UNSAFE_ID: "warning",
} as const satisfies Record<string, Level>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface Diagnostic {
  readonly level: Level;
  readonly code: DiagnosticCode;
  /** Source file, relative to the seeds folder, `/`-separated. */
  readonly file: string;
  /** 1-based line in the source file, where known. */
  readonly line?: number;
  readonly message: string;
}

/** A diagnostic at the level its code always has. */
export function diagnostic(code: DiagnosticCode, file: string, message: string, line?: number): Diagnostic {
  const level = DIAGNOSTIC_CODES[code];
  return line === undefined ? { level, code, file, message } : { level, code, file, line, message };
}

/** `warning 003_b5.txt:1 DATE_CONFLICT ...`, one line. */
export function formatDiagnostic(item: Diagnostic): string {
  const where = item.line === undefined ? item.file : `${item.file}:${item.line}`;
  return `${item.level} ${where} ${item.code} ${item.message}`;
}

/** Diagnostics grouped by file, files in byte order, each file's in line order. */
export function groupByFile(items: readonly Diagnostic[]): Array<[string, Diagnostic[]]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const item of items) {
    const list = groups.get(item.file);
    if (list === undefined) groups.set(item.file, [item]);
    else list.push(item);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, list]) => [file, [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))]);
}

/** The indented report printed after a build or check: one heading per file. */
export function formatGroupedDiagnostics(items: readonly Diagnostic[]): string {
  return groupByFile(items)
    .map(([file, list]) =>
      [file, ...list.map((d) => `  ${d.level} ${d.line === undefined ? "" : `line ${d.line} `}${d.code}: ${d.message}`)].join("\n"),
    )
    .join("\n");
}
