/**
 * Every page the build will write, checked before Eleventy writes anything:
 * an address made only of safe segments, inside the output folder, and not
 * one the site reserves for itself. Ids are made safe at ingest already; this
 * is the last line, so a future change there cannot turn into a file written
 * outside the site (Eleventy itself follows `../` in a permalink silently).
 */
import { resolve, sep } from "node:path";
import type { Archive } from "../archive/archive.ts";

/** Addresses the site's own pages use; no article may take one. */
export const RESERVED_PATHS = [
  "/",
  "/search/",
  "/timeline/",
  "/pagefind/",
  "/assets/",
  "/api/",
  "/feed.xml",
  "/feed.json",
  "/sitemap.xml",
  "/robots.txt",
  "/404.html",
  "/_headers",
];

const SAFE_URL = /^\/(?:[a-z0-9_][a-z0-9_-]*\/)+$/;

export class OutputPathError extends Error {
  override readonly name = "OutputPathError";
}

/** Throws when an article or period page would be written somewhere it must not be. */
export function checkPlannedUrls(archive: Archive): void {
  const seen = new Set<string>();
  const urls = [
    ...archive.articles.map((article) => article.url),
    ...archive.periodPages.map((page) => page.url),
    ...archive.entityPages.map((page) => page.url),
    ...archive.entityIndexPages.map((page) => page.url),
  ];
  for (const url of urls) {
    if (!SAFE_URL.test(url)) throw new OutputPathError(`refusing to write a page at "${url}": not a plain site address`);
    if (RESERVED_PATHS.some((reserved) => reserved !== "/" && url.startsWith(reserved)) || url === "/") {
      throw new OutputPathError(`refusing to write a page at "${url}": the site reserves that address`);
    }
    if (seen.has(url)) throw new OutputPathError(`two pages would be written at "${url}"`);
    seen.add(url);
  }
}

/** Throws when a file Eleventy reports having written lies outside `outDir`. */
export function checkWrittenPaths(outDir: string, outputPaths: readonly string[]): void {
  const root = resolve(outDir) + sep;
  for (const path of outputPaths) {
    if (!resolve(path).startsWith(root)) throw new OutputPathError(`a page was written outside the output folder: ${path}`);
  }
}
