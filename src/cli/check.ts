/**
 * `npm run check [-- --seeds DIR --json --strict --numeric-dates ORDER]`:
 * reads and parses the articles without writing a site, and reports.
 * Exits 1 when any file had an error, or (with --strict) a warning.
 */
import { performance } from "node:perf_hooks";
import { ingestFolder, ingestOptionsFor } from "../build.ts";
import { DEFAULT_OPTIONS } from "../buildOptions.ts";
import { formatGroupedDiagnostics } from "../diagnostics.ts";
import { checkReport } from "../checkReport.ts";
import { strictViolations } from "../strictMode.ts";
import { countLevel, diagnosticCounts, plural } from "../summary.ts";
import { COMMON_USAGE, numericDatesFrom, parseCommandLine, settingsFrom, UsageError } from "./options.ts";

const USAGE = `Usage: npm run check -- [options]

${COMMON_USAGE}
  --json                   print one JSON object with every record and diagnostic`;

async function main(args: string[]): Promise<number> {
  try {
    const values = parseCommandLine(args, { json: { type: "boolean" } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const started = performance.now();
    const ingest = ingestOptionsFor({ settings: await settingsFrom(values), ...numericDatesFrom(values) });
    const loaded = await ingestFolder(values.seeds ?? DEFAULT_OPTIONS.seedsDir, ingest);
    const seconds = (performance.now() - started) / 1000;
    const failed =
      countLevel(loaded.diagnostics, "error") > 0 || (values.strict === true && strictViolations(loaded.diagnostics).length > 0);
    if (values.json) {
      console.log(JSON.stringify(checkReport(loaded, seconds), null, 2));
    } else {
      console.log(
        `Checked ${plural(loaded.files, "file")}: ${diagnosticCounts(loaded.articles.length, loaded.diagnostics)}, in ${seconds.toFixed(1)} s`,
      );
      if (loaded.diagnostics.length > 0) console.log(formatGroupedDiagnostics(loaded.diagnostics));
      if (failed && values.strict)
        console.error(
          `--strict: ${new Set(strictViolations(loaded.diagnostics).map((d) => d.file)).size} files have problems (listed above)`,
        );
    }
    return failed ? 1 : 0;
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
