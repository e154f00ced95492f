/**
 * What an article page weighs as a browser first fetches it: the HTML and
 * every stylesheet it links, uncompressed, against the budget of issue 8
 * (at most 30 KB, and no script but the search highlight). Also the bytes of
 * the article's own text (`.article-body`), the part no template change can
 * shrink. `src/bench/runPageWeight.ts` prints it for a built site.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { parse } from "node-html-parser";

/** HTML plus linked CSS of one article page, at most. */
export const ARTICLE_PAGE_BUDGET = 30 * 1024;
/** The one script an article page may load: it marks the words of the search that led to it. */
export const ARTICLE_PAGE_SCRIPTS = ["/assets/highlight.js"] as const;

export interface PageParts {
  /** `href` of every `<link rel="stylesheet">`, as written. */
  readonly stylesheets: readonly string[];
  /** `src` of every script that runs; `inline` for one without a `src` (JSON-LD is data, not counted). */
  readonly scripts: readonly string[];
  /** UTF-8 bytes of the `.article-body` element, tags included; 0 without one. */
  readonly bodyBytes: number;
}

/** The stylesheets, scripts and article text of one page. */
export function pageParts(html: string): PageParts {
  const document = parse(html);
  const stylesheets = document
    .querySelectorAll("link[href]")
    .filter((link) => (link.getAttribute("rel") ?? "").split(/\s+/).includes("stylesheet"))
    .map((link) => link.getAttribute("href") ?? "");
  const scripts = document
    .querySelectorAll("script")
    .filter((script) => script.getAttribute("type") !== "application/ld+json")
    .map((script) => script.getAttribute("src") ?? "inline");
  const body = document.querySelector(".article-body");
  const bodyBytes = body === null ? 0 : Buffer.byteLength(html.slice(body.range[0], body.range[1]));
  return { stylesheets, scripts, bodyBytes };
}

export interface PageWeight extends PageParts {
  /** Site path of the page, e.g. `/articles/abc/`. */
  readonly page: string;
  readonly htmlBytes: number;
  /** Every linked stylesheet, each counted once. */
  readonly cssBytes: number;
  readonly totalBytes: number;
}

/**
 * Every page under `articles/` of the built site `siteDir`, heaviest first.
 * `prefix` is the path the site is served under (`pathPrefix`): links carry
 * it, the files do not. A stylesheet that is not in the site throws.
 */
export async function articlePageWeights(siteDir: string, prefix = "/"): Promise<PageWeight[]> {
  const cssBytes = new Map<string, number>();
  const sizeOf = async (href: string) => {
    const path = posix.normalize(href.split(/[?#]/)[0] ?? "");
    if (!path.startsWith(prefix)) throw new Error(`stylesheet ${href} is not under ${prefix}`);
    let bytes = cssBytes.get(path);
    if (bytes === undefined) {
      bytes = (await readFile(join(siteDir, path.slice(prefix.length)))).length;
      cssBytes.set(path, bytes);
    }
    return bytes;
  };
  const files = (await readdir(join(siteDir, "articles"), { recursive: true })).filter((file) => file.endsWith(".html"));
  const weights: PageWeight[] = [];
  for (const file of files) {
    const html = await readFile(join(siteDir, "articles", file));
    const parts = pageParts(html.toString("utf8"));
    let css = 0;
    for (const href of new Set(parts.stylesheets)) css += await sizeOf(href);
    const page = `${prefix}articles/${file
      .split("\\")
      .join("/")
      .replace(/index\.html$/, "")}`;
    weights.push({ page, htmlBytes: html.length, cssBytes: css, totalBytes: html.length + css, ...parts });
  }
  return weights.sort((a, b) => b.totalBytes - a.totalBytes || a.page.localeCompare(b.page));
}

/** Why a page breaks the budget, or `null` when it keeps it. */
export function overBudget(weight: PageWeight): string | null {
  const problems: string[] = [];
  if (weight.totalBytes > ARTICLE_PAGE_BUDGET)
    problems.push(`${weight.totalBytes} bytes (HTML ${weight.htmlBytes} + CSS ${weight.cssBytes}) > ${ARTICLE_PAGE_BUDGET}`);
  const extra = weight.scripts.filter((script) => !(ARTICLE_PAGE_SCRIPTS as readonly string[]).some((allowed) => script.endsWith(allowed)));
  if (extra.length > 0) problems.push(`scripts besides the highlight: ${extra.join(", ")}`);
  return problems.length === 0 ? null : `${weight.page}: ${problems.join("; ")}`;
}
