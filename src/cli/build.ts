/**
 * `npm run build [-- --seeds DIR --out DIR --strict --numeric-dates ORDER]`:
 * builds the archive site. Prints one summary line, then the diagnostics
 * grouped by file. Exits 1 when the build fails or any file had an error.
 */
import { DEFAULT_OPTIONS } from "../buildOptions.ts";
import { buildInProcesses } from "../buildInProcesses.ts";
import { DEFAULT_SHARD_PAGES } from "../search/shardPlan.ts";
import { formatGroupedDiagnostics } from "../diagnostics.ts";
import { countLevel, diagnosticCounts, plural } from "../summary.ts";
import {
  CACHE_OPTIONS,
  CACHE_USAGE,
  cacheDirFrom,
  COMMON_USAGE,
  numericDatesFrom,
  parseCommandLine,
  settingsFrom,
  UsageError,
} from "./options.ts";
import { progressDisplay } from "./progressDisplay.ts";

const USAGE = `Usage: npm run build -- [options]

${COMMON_USAGE}
  --out DIR                folder to write the site to               default: ${DEFAULT_OPTIONS.outDir}
  --shard-pages N          most articles in one search index shard   default: ${DEFAULT_SHARD_PAGES}
  --skip-index             write the pages and the shard plan only; index with npm run index
${CACHE_USAGE}`;

async function main(args: string[]): Promise<number> {
  try {
    const values = parseCommandLine(args, {
      out: { type: "string" },
      "shard-pages": { type: "string" },
      "skip-index": { type: "boolean" },
      ...CACHE_OPTIONS,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const outDir = values.out ?? DEFAULT_OPTIONS.outDir;
    const shardPages = Number(values["shard-pages"] ?? DEFAULT_SHARD_PAGES);
    if (!Number.isInteger(shardPages) || shardPages < 1)
      throw new UsageError(`--shard-pages must be a whole number above 0, not "${values["shard-pages"]}"`);
    const progress = progressDisplay();
    const report = await buildInProcesses({
      seedsDir: values.seeds ?? DEFAULT_OPTIONS.seedsDir,
      outDir,
      strict: values.strict ?? false,
      settings: await settingsFrom(values),
      shardPages,
      searchIndex: !(values["skip-index"] ?? false),
      onProgress: progress.onProgress,
      ...cacheDirFrom(values),
      ...numericDatesFrom(values),
    }).finally(() => progress.stop());
    const unchanged = (count: number) => (count > 0 ? ` (${count} unchanged)` : "");
    const indexed = values["skip-index"]
      ? `search index left to npm run index -- --site ${outDir}`
      : `${report.indexedPages} indexed for search in ${plural(report.searchShards.length, "shard")}${unchanged(report.reusedShards.length)}`;
    console.log(
      `Built ${diagnosticCounts(report.articles, report.diagnostics)}; ` +
        `${plural(report.pages, "page")} written${unchanged(report.reusedPages)}, ${indexed}, in ${report.seconds.toFixed(1)} s → ${outDir}`,
    );
    if (report.diagnostics.length > 0) console.log(formatGroupedDiagnostics(report.diagnostics));
    return countLevel(report.diagnostics, "error") > 0 ? 1 : 0;
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
