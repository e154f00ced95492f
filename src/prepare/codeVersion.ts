/**
 * A version of the code that prepares articles, for the cache's keys: a
 * hash of the source of the entry modules and of every module they import,
 * transitively, with the versions of the packages those import and of
 * Node (Unicode data in regular expressions changes with it). Any change
 * to how an article is parsed or its entities found gives a new version,
 * so nothing cached by older code is ever used.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../projectRoot.ts";

/** Raise to drop every cache entry when the cache's own format changes. */
const CACHE_FORMAT = 1;

const SPECIFIERS = /(?:^|[\s;])(?:import|export)\s(?:[^;"']*?\sfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The module specifiers a source file imports (static, re-exported and dynamic with a literal). */
export function importsOf(source: string): string[] {
  return [...source.matchAll(SPECIFIERS)].flatMap((match) => match[1] ?? match[2] ?? []);
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; `null` for relative and `node:` ones. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return null;
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

async function packageVersion(name: string): Promise<string> {
  try {
    const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, "node_modules", name, "package.json"), "utf8")) as { version?: unknown };
    return String(manifest.version);
  } catch {
    return "unknown";
  }
}

/** The version of the code `entries` (module URLs) run: 16 hex digits. */
export async function codeVersion(entries: readonly URL[]): Promise<string> {
  const sources = new Map<string, string>();
  const packages = new Set<string>();
  const pending = [...entries];
  for (let url = pending.pop(); url !== undefined; url = pending.pop()) {
    const path = fileURLToPath(url);
    if (sources.has(path)) continue;
    // A "specifier" read from a comment may name no file: it then counts as empty.
    const source = await readFile(path, "utf8").catch(() => "");
    sources.set(path, source);
    for (const specifier of importsOf(source)) {
      const name = packageOf(specifier);
      if (name !== null) packages.add(name);
      else if (specifier.startsWith(".")) pending.push(new URL(specifier, url));
    }
  }
  const hash = createHash("sha256").update(`clippings cache ${CACHE_FORMAT}\nnode ${process.versions.node}\n`);
  for (const path of [...sources.keys()].sort()) hash.update(`${relative(PROJECT_ROOT, path)}\n${sources.get(path) ?? ""}\n`);
  for (const name of [...packages].sort()) hash.update(`${name}@${await packageVersion(name)}\n`);
  return hash.digest("hex").slice(0, 16);
}
