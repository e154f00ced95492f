/**
 * Problems found in the input, as values: a code a program can match, the file
 * (and line where known) and a sentence a person can act on.
 */
export type Severity = "warning" | "error";

export type DiagnosticCode =
  | "date-conflict"
  | "no-date"
  | "empty-article"
  | "not-utf8"
  | "front-matter-invalid"
  | "front-matter-code"
  | "duplicate-id";

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Source file, relative to the seeds folder. */
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

/** `warning 003_b5.txt:1 [date-conflict] ...`, one line, as printed by the build. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  return `${diagnostic.severity} ${where} [${diagnostic.code}] ${diagnostic.message}`;
}
