/**
 * Reads a built site as a whole: every HTML page, and every internal link
 * in it checked against the files that exist.
 */
import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, posix, relative, sep } from "node:path";
import { parse } from "node-html-parser";

export async function listFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

export async function htmlPages(siteDir: string): Promise<Array<{ file: string; html: string }>> {
  const files = (await listFiles(siteDir)).filter((file) => file.endsWith(".html"));
  return Promise.all(files.map(async (file) => ({ file, html: await readFile(join(siteDir, file), "utf8") })));
}

/** The file a site path names, as a static host resolves it, or `null`. */
export function resolveSitePath(siteDir: string, sitePath: string): string | null {
  const path = join(siteDir, decodeURIComponent(sitePath));
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, "index.html");
  return existsSync(index) ? index : null;
}

export interface BrokenLink {
  readonly page: string;
  readonly link: string;
}

/**
 * Every `href`/`src` on every page that points inside the site and does not
 * resolve to a file. `prefix` is the path the site is served under.
 */
export async function brokenLinks(siteDir: string, prefix = "/"): Promise<BrokenLink[]> {
  const broken: BrokenLink[] = [];
  const pages = await htmlPages(siteDir);
  const idsOf = new Map<string, Set<string>>();
  const ids = (path: string) => {
    let found = idsOf.get(path);
    if (found === undefined) {
      const html = pages.find((page) => join(siteDir, page.file) === path)?.html ?? "";
      found = new Set(
        parse(html)
          .querySelectorAll("[id]")
          .map((element) => element.getAttribute("id") ?? ""),
      );
      idsOf.set(path, found);
    }
    return found;
  };
  for (const { file, html } of pages) {
    const document = parse(html);
    const pageUrl = `${prefix}${file.replace(/index\.html$/, "")}`;
    for (const element of document.querySelectorAll("[href], [src]")) {
      const link = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(link) || link.startsWith("#") || link === "") continue;
      const absolute = link.startsWith("/") ? link : posix.join(posix.dirname(`${pageUrl}x`), link);
      const path = absolute.split(/[?#]/)[0] ?? "";
      if (!path.startsWith(prefix)) {
        broken.push({ page: file, link });
        continue;
      }
      const target = resolveSitePath(siteDir, path.slice(prefix.length));
      const fragment = link.includes("#") ? decodeURIComponent(link.slice(link.indexOf("#") + 1)) : "";
      if (target === null || (fragment !== "" && target.endsWith(".html") && !ids(target).has(fragment))) broken.push({ page: file, link });
    }
  }
  return broken;
}
