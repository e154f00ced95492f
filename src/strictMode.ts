/**
 * `--strict`: any warning or error fails the run, and the failure lists
 * every offending file, not only the first.
 */
import { formatGroupedDiagnostics, type Diagnostic } from "./diagnostics.ts";

export function strictViolations(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.level === "error" || d.level === "warning");
}

export class StrictModeError extends Error {
  override readonly name = "StrictModeError";
  constructor(readonly violations: readonly Diagnostic[]) {
    const files = new Set(violations.map((d) => d.file));
    super(
      `--strict: ${violations.length} problem${violations.length === 1 ? "" : "s"} in ${files.size} file${files.size === 1 ? "" : "s"}; nothing was written.\n${formatGroupedDiagnostics(violations)}`,
    );
  }
}
