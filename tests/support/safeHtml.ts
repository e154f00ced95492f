/**
 * The safe-HTML checker run over every built site in the tests: a page may
 * run only the site's own scripts, and nothing that came from an article may
 * act as markup.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { brokenLinks, listFiles } from "./siteFiles.ts";

/** Scripts a page may load, relative to the site root. */
const OWN_SCRIPTS = /^(?:assets\/[\w-]+\.js|pagefind\/[\w-]+\.js)$/;
const DANGEROUS_URL = /^\s*(?:javascript|vbscript|data):/i;
/** Article text lives here; Pagefind attributes inside it would let content steer the search index. */
const CONTENT = ".article-body, .article-body *";

export async function unsafeHtml(siteDir: string, prefix = "/"): Promise<string[]> {
  const problems: string[] = [];
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  for (const file of (await listFiles(siteDir)).filter((name) => name.endsWith(".html"))) {
    let html: string;
    try {
      html = utf8.decode(await readFile(join(siteDir, file)));
    } catch {
      problems.push(`${file}: not valid UTF-8`);
      continue;
    }
    const document = parse(html);
    for (const script of document.querySelectorAll("script")) {
      const src = script.getAttribute("src");
      const type = script.getAttribute("type");
      if (src === undefined && type === "application/ld+json") continue;
      if (src !== undefined && src.startsWith(prefix) && OWN_SCRIPTS.test(src.slice(prefix.length))) continue;
      problems.push(`${file}: script ${src ?? script.innerHTML.slice(0, 60)}`);
    }
    for (const element of document.querySelectorAll("*")) {
      for (const [name, value] of Object.entries(element.attributes)) {
        if (/^on/i.test(name)) problems.push(`${file}: ${element.tagName} has ${name}`);
        if (["href", "src", "action", "formaction", "xlink:href"].includes(name.toLowerCase()) && DANGEROUS_URL.test(value)) {
          problems.push(`${file}: ${element.tagName} ${name}="${value.slice(0, 40)}"`);
        }
      }
    }
    for (const element of document.querySelectorAll(CONTENT)) {
      const attribute = Object.keys(element.attributes).find((name) => name.startsWith("data-pagefind"));
      if (attribute !== undefined) problems.push(`${file}: ${attribute} inside article text`);
    }
  }
  for (const { page, link } of await brokenLinks(siteDir, prefix)) problems.push(`${page}: link ${link} does not resolve`);
  return problems;
}
