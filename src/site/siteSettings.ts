/**
 * Site settings: the one place a keeper changes how the archive presents
 * itself, without editing code. Read from `clippings.json` (or the file given
 * with `--settings`); every field is optional.
 *
 * ```json
 * { "title": "Gaza Coverage Archive", "baseUrl": "https://example.org", "pathPrefix": "/archive/",
 *   "language": "en", "timeZone": "Europe/London", "description": "..." }
 * ```
 */
import { readFile } from "node:fs/promises";

export interface SiteSettings {
  /** The archive's name, in every page title, the header and the feeds. @default "Clippings" */
  readonly title: string;
  /** One sentence on what the archive holds, for the home page and feeds. @default "A news archive." */
  readonly description: string;
  /** Scheme and host the site is served from, for feeds, sitemap, canonical URLs and citations. @default "http://localhost:8080" */
  readonly baseUrl: string;
  /** The folder the site lives under on that host: `/` or `/archive/`. @default "/" */
  readonly pathPrefix: string;
  /** Language of the articles (BCP 47), for `<html lang>` and search. @default "en" */
  readonly language: string;
  /** Time zone whose calendar day is "today" (on this day, future dates). @default "UTC" */
  readonly timeZone: string;
}

export const DEFAULT_SETTINGS: SiteSettings = {
  title: "Clippings",
  description: "A news archive.",
  baseUrl: "http://localhost:8080",
  pathPrefix: "/",
  language: "en",
  timeZone: "UTC",
};

export const SETTINGS_FILE = "clippings.json";

export class SettingsError extends Error {
  override readonly name = "SettingsError";
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Checks raw settings field by field; a mistake names the field and what it should be. */
export function parseSettings(raw: unknown, source: string): SiteSettings {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new SettingsError(`${source}: settings must be a JSON object`);
  const fields = raw as Record<string, unknown>;
  const settings: Record<string, string> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in DEFAULT_SETTINGS))
      throw new SettingsError(`${source}: unknown setting "${key}" (known: ${Object.keys(DEFAULT_SETTINGS).join(", ")})`);
    if (typeof value !== "string" || value.trim() === "") throw new SettingsError(`${source}: "${key}" must be a non-empty string`);
    settings[key] = value.trim();
  }
  const baseUrl = settings["baseUrl"] as string;
  if (!/^https?:\/\/[^/\s]+$/.test(baseUrl.replace(/\/$/, "")))
    throw new SettingsError(`${source}: "baseUrl" must be a scheme and host such as "https://archive.example.org", not "${baseUrl}"`);
  const prefix = settings["pathPrefix"] as string;
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(prefix.endsWith("/") ? prefix : `${prefix}/`))
    throw new SettingsError(`${source}: "pathPrefix" must look like "/" or "/archive/", not "${prefix}"`);
  if (!validTimeZone(settings["timeZone"] as string))
    throw new SettingsError(`${source}: "timeZone" "${settings["timeZone"]}" is not a time zone name such as "Europe/London"`);
  return {
    ...(settings as unknown as SiteSettings),
    baseUrl: baseUrl.replace(/\/$/, ""),
    pathPrefix: prefix.endsWith("/") ? prefix : `${prefix}/`,
  };
}

/** Settings from `path`; the defaults when `path` is the default file and it does not exist. */
export async function readSiteSettings(path: string | undefined): Promise<SiteSettings> {
  const file = path ?? SETTINGS_FILE;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (path === undefined && (error as NodeJS.ErrnoException).code === "ENOENT") return DEFAULT_SETTINGS;
    throw new SettingsError(`${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SettingsError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseSettings(raw, file);
}

/** The absolute address of a site path such as `/articles/x/`. */
export function absoluteUrl(settings: SiteSettings, sitePath: string): string {
  return `${settings.baseUrl}${settings.pathPrefix}${sitePath.replace(/^\//, "")}`;
}

/** Today's calendar day in the settings' time zone, or the day of `SOURCE_DATE_EPOCH`. */
export function todayIn(settings: SiteSettings, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env["SOURCE_DATE_EPOCH"]);
  const instant =
    env["SOURCE_DATE_EPOCH"] !== undefined && env["SOURCE_DATE_EPOCH"] !== "" && Number.isFinite(epoch)
      ? new Date(epoch * 1000)
      : new Date();
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: settings.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}
