/**
 * `npm run build [-- --seeds DIR --out DIR]`: builds the archive site.
 * Prints each diagnostic, then one summary line; exits 1 when the build fails.
 */
import { parseArgs } from "node:util";
import { buildSite, DEFAULT_OPTIONS } from "../build.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import { summaryLine } from "../summary.ts";

const USAGE = `Usage: npm run build -- [--seeds DIR] [--out DIR]

  --seeds DIR  folder of article files (.txt, .md)   default: ${DEFAULT_OPTIONS.seedsDir}
  --out DIR    folder to write the site to           default: ${DEFAULT_OPTIONS.outDir}`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { seeds: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const report = await buildSite({
      seedsDir: values.seeds ?? DEFAULT_OPTIONS.seedsDir,
      outDir: values.out ?? DEFAULT_OPTIONS.outDir,
      onDiagnostic: (diagnostic) => console.warn(formatDiagnostic(diagnostic)),
    });
    for (const file of report.skippedFiles) console.warn(`note ${file}: not an article file (.txt, .md); skipped`);
    console.log(summaryLine(report, values.out ?? DEFAULT_OPTIONS.outDir));
    return 0;
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
