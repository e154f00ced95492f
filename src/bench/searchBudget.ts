/**
 * The search page's budget, measured as a reader meets it:
 *
 *   npm run bench:search -- --site DIR [--query WORDS] [--runs N] [--json]
 *
 * serves the built site DIR on 127.0.0.1, opens /search/?q=WORDS (default
 * "president") in headless Chromium with a cold cache, and reports
 *   - the bytes downloaded up to the first rendered result, every response
 *     counted gzip-compressed (zlib level 9, as a static host would send it;
 *     the test server sends files as they are), library, UI and index included;
 *   - the time from navigation start to that first result, which the page
 *     marks itself (performance mark "search:first-result", set by
 *     layouts/assets/search.js once the first result is in the document);
 * with a per-file breakdown. The targets are for a 20,000-article archive:
 * under 250 KB and under 300 ms. On 127.0.0.1 there is no network latency:
 * the time is the browser's own work (script, WebAssembly, index decoding).
 */
import { readFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Request } from "playwright-core";
import { launchChromium } from "../browser/chromium.ts";
import { resolveFile, serveFolder } from "../browser/staticServer.ts";

export const BUDGET = { bytes: 250 * 1024, milliseconds: 300, articles: 20_000 } as const;
/** Marks set by layouts/assets/search.js: Pagefind and its filters loaded, results known, first result in the document. */
const MARKS = { loaded: "search:loaded", results: "search:results", firstResult: "search:first-result" } as const;
const VIEWPORT = { width: 1280, height: 800 };

export interface FileCost {
  /** Site path, without the query string. */
  readonly path: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface RunResult {
  /** Navigation start to the first rendered result, in milliseconds. */
  readonly firstResultMs: number;
  /** Navigation start to Pagefind and every filter loaded, and to the results being known. */
  readonly loadedMs: number;
  readonly resultsMs: number;
  readonly files: readonly FileCost[];
  readonly gzipTotal: number;
  readonly rawTotal: number;
}

const gzipCache = new Map<string, FileCost>();
async function cost(root: string, sitePath: string): Promise<FileCost | null> {
  const cached = gzipCache.get(sitePath);
  if (cached) return cached;
  const file = await resolveFile(root, sitePath);
  if (file === null) return null;
  const body = await readFile(file);
  const result = { path: sitePath, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  gzipCache.set(sitePath, result);
  return result;
}

export async function measureOnce(siteDir: string, query: string): Promise<RunResult> {
  const root = resolve(siteDir);
  const server = await serveFolder(root);
  // A fresh profile each run: nothing cached.
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    const finished: Request[] = [];
    // Requests from Pagefind's web worker are reported to the page too.
    page.on("requestfinished", (request) => finished.push(request));
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    const handle = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, MARKS.firstResult, {
      timeout: 60_000,
    });
    const firstResultMs = (await handle.jsonValue()) as number;
    const markTime = (name: string) => page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, name);
    const loadedMs = await markTime(MARKS.loaded);
    const resultsMs = await markTime(MARKS.results);
    const cutoff = (await page.evaluate(() => performance.timeOrigin)) + firstResultMs;

    const files: FileCost[] = [];
    for (const request of finished) {
      const timing = request.timing();
      // Only what had arrived by the first result; results further down load as they scroll into view.
      if (timing.startTime + timing.responseEnd > cutoff) continue;
      const url = new URL(request.url());
      if (url.origin !== server.origin) continue;
      const file = await cost(root, url.pathname);
      if (file) files.push(file);
    }
    files.sort((a, b) => b.gzip - a.gzip || a.path.localeCompare(b.path));
    return {
      firstResultMs,
      loadedMs,
      resultsMs,
      files,
      gzipTotal: files.reduce((sum, file) => sum + file.gzip, 0),
      rawTotal: files.reduce((sum, file) => sum + file.raw, 0),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

function kind(path: string): string {
  if (/^\/pagefind\/(?:pagefind|pagefind-worker)\.js$|\.pagefind$/.test(path)) return "library";
  if (/^\/pagefind\/pagefind-.*ui\.(?:js|css)$|^\/assets\//.test(path)) return "UI";
  if (/^\/pagefind\//.test(path)) return "index";
  return "page";
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      site: { type: "string" },
      query: { type: "string", default: "president" },
      runs: { type: "string", default: "3" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  if (values.help || !values.site || !Number.isInteger(runs) || runs < 1) {
    console.error(
      "Usage: npm run bench:search -- --site DIR [--query WORDS] [--runs N] [--json]\n  DIR is a built site (npm run build -- --out DIR).",
    );
    return values.help ? 0 : 2;
  }
  const entry = JSON.parse(await readFile(join(values.site, "pagefind", "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);

  // Before the runs: Chromium's own processes would count in it afterwards.
  const load = loadavg()[0]?.toFixed(1) ?? "?";
  const results: RunResult[] = [];
  for (let run = 0; run < runs; run++) results.push(await measureOnce(values.site, values.query));
  const times = results.map((result) => result.firstResultMs);
  // Bytes barely move between runs; show the run with the median time.
  const typical = results.find((result) => result.firstResultMs === median(times)) ?? results[0];
  if (!typical) return 1;

  if (values.json) {
    console.log(
      JSON.stringify(
        {
          site: values.site,
          query: values.query,
          indexedPages: pages,
          firstResultMs: times,
          loadedMs: results.map((result) => result.loadedMs),
          resultsMs: results.map((result) => result.resultsMs),
          gzipBytes: typical.gzipTotal,
          rawBytes: typical.rawTotal,
          files: typical.files,
          budget: BUDGET,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const byKind = new Map<string, number>();
  for (const file of typical.files) byKind.set(kind(file.path), (byKind.get(kind(file.path)) ?? 0) + file.gzip);
  console.log(
    `Search budget: /search/?q=${values.query} on ${values.site} (${pages} pages indexed), ${runs} cold run${runs === 1 ? "" : "s"}`,
  );
  console.log(
    `  first result after ${Math.round(median(times))} ms (median; runs: ${times.map((time) => Math.round(time)).join(", ")} ms)`,
  );
  console.log(
    `    median steps: Pagefind and filters loaded ${Math.round(median(results.map((result) => result.loadedMs)))} ms, ` +
      `results known ${Math.round(median(results.map((result) => result.resultsMs)))} ms, first one shown ${Math.round(median(times))} ms` +
      ` (machine load ${load} on ${availableParallelism()} cores before the runs)`,
  );
  console.log(`  downloaded by then: ${kb(typical.gzipTotal)} gzipped (${kb(typical.rawTotal)} as files) in ${typical.files.length} files`);
  console.log(`    ${[...byKind].map(([name, bytes]) => `${name} ${kb(bytes)}`).join(", ")}`);
  console.log(`  budget for ${BUDGET.articles.toLocaleString("en")} articles: ${kb(BUDGET.bytes)} and ${BUDGET.milliseconds} ms`);
  console.log("");
  console.log(`  ${"gzip".padStart(10)} ${"file".padStart(10)}  kind     path`);
  for (const file of typical.files)
    console.log(`  ${kb(file.gzip).padStart(10)} ${kb(file.raw).padStart(10)}  ${kind(file.path).padEnd(8)} ${file.path}`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
