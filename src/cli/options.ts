/**
 * Command-line options shared by `build`, `check` and `serve`.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { NumericDateOrder } from "../ingest/ingestOptions.ts";
import { readSiteSettings, type SiteSettings } from "../site/siteSettings.ts";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const COMMON_OPTIONS = {
  seeds: { type: "string" },
  strict: { type: "boolean" },
  "numeric-dates": { type: "string" },
  settings: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

export const COMMON_USAGE = `  --seeds DIR              folder of article files (.txt, .md)        default: seeds
  --strict                 fail (exit 1) on any warning, listing every file
  --numeric-dates ORDER    read dates like 03/04/2021 as day-first or month-first;
                           unset, they are reported and not used
  --settings FILE          site settings (JSON)                       default: clippings.json`;

export function parseCommandLine<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function numericDatesFrom(values: { "numeric-dates"?: string | boolean | undefined }): { numericDates?: NumericDateOrder } {
  const order = values["numeric-dates"];
  if (order === undefined) return {};
  if (order !== "day-first" && order !== "month-first")
    throw new UsageError(`--numeric-dates must be day-first or month-first, not "${String(order)}"`);
  return { numericDates: order };
}

export function settingsFrom(values: { settings?: string | boolean | undefined }): Promise<SiteSettings> {
  return readSiteSettings(typeof values.settings === "string" ? values.settings : undefined);
}

/** Where the cache of parsed articles lives unless told otherwise; git-ignored. */
export const DEFAULT_CACHE_DIR = ".cache";

export const CACHE_OPTIONS = {
  cache: { type: "string" },
  "no-cache": { type: "boolean" },
} as const satisfies ParseArgsConfig["options"];

export const CACHE_USAGE = `  --cache DIR              cache of parsed articles between builds     default: ${DEFAULT_CACHE_DIR}
  --no-cache               parse every article afresh (also CLIPPINGS_CACHE=off)`;

/**
 * The cache folder a command uses: `--cache DIR`, else `CLIPPINGS_CACHE`
 * (a folder, or `off`), else `.cache`; none with `--no-cache` or
 * `CLIPPINGS_CACHE=off`.
 */
export function cacheDirFrom(
  values: { cache?: string | boolean | undefined; "no-cache"?: string | boolean | undefined },
  environment: NodeJS.ProcessEnv = process.env,
): { cacheDir?: string } {
  if (values["no-cache"] === true) return {};
  if (typeof values.cache === "string") return { cacheDir: values.cache };
  const setting = environment.CLIPPINGS_CACHE?.trim() ?? "";
  if (/^(?:off|0|false|no)$/i.test(setting)) return {};
  return { cacheDir: setting === "" ? DEFAULT_CACHE_DIR : setting };
}
