/**
 * The Content-Security-Policy every page carries: only the site's own files,
 * no inline script, no plugins. The search page also lets Pagefind compile
 * its WebAssembly ('wasm-unsafe-eval'). Hosts that read a `_headers` file get
 * the same policies plus what a meta tag cannot set (`frame-ancestors`).
 * https://developer.mozilla.org/docs/Web/HTTP/CSP
 */
import type { SiteSettings } from "../site/siteSettings.ts";

const COMMON = ["object-src 'none'", "base-uri 'none'", "form-action 'self'"];

/**
 * Every page but search. Styles and images fall back to `default-src 'self'`
 * and are not named again: every article page carries this policy and must
 * stay under 30 KB (issue 8). Scripts are named all the same, the rule that
 * matters most.
 */
export const PAGE_POLICY = ["default-src 'self'", ...COMMON, "script-src 'self'"].join("; ");
export const SEARCH_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  ...COMMON,
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
].join("; ");

const HEADER_ONLY = ["frame-ancestors 'none'"];

/** A Netlify / Cloudflare Pages style `_headers` file. */
export function headersFile(site: SiteSettings): string {
  const block = (path: string, policy: string) =>
    [
      path,
      `  Content-Security-Policy: ${[policy, ...HEADER_ONLY].join("; ")}`,
      "  X-Content-Type-Options: nosniff",
      "  Referrer-Policy: strict-origin-when-cross-origin",
      "",
    ].join("\n");
  return [block(`${site.pathPrefix}*`, PAGE_POLICY), block(`${site.pathPrefix}search/*`, SEARCH_POLICY)].join("\n");
}
