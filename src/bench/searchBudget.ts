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
 *   - the same two up to the results of the whole archive ("search:complete"):
 *     the first results come from the newest shard of the index, the others
 *     are merged in after (src/search/shardPlan.ts);
 *   - then, on the page now loaded, the time from submitting a second query
 *     (--then WORDS, default "election") to its first result;
 *   - and, in another cold browser, the first query of a reader who opens
 *     /search/ and types: the time from submitting WORDS to the first result,
 *     what the page had loaded before and what the query itself downloaded;
 * with a per-file breakdown. The targets are for a 20,000-article archive:
 * under 250 KB and under 300 ms. On 127.0.0.1 there is no network latency:
 * the time is the browser's own work (script, WebAssembly, index decoding).
 */
import { readFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Page, Request } from "playwright-core";
import { launchChromium } from "../browser/chromium.ts";
import { resolveFile, serveFolder } from "../browser/staticServer.ts";

export const BUDGET = { bytes: 250 * 1024, milliseconds: 300, articles: 20_000 } as const;
/** Marks set by layouts/assets/search.js: first results known, first one in the document, the whole archive's results shown. */
const MARKS = { results: "search:results", firstResult: "search:first-result", complete: "search:complete" } as const;
const VIEWPORT = { width: 1280, height: 800 };

export interface FileCost {
  /** Site path, without the query string. */
  readonly path: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface Downloads {
  readonly files: readonly FileCost[];
  readonly gzipTotal: number;
  readonly rawTotal: number;
}

export interface RunResult extends Downloads {
  /** Navigation start to the first rendered result, in milliseconds. */
  readonly firstResultMs: number;
  /** Navigation start to the first results being known. */
  readonly resultsMs: number;
  /** Navigation start to the whole archive's results on the page, and what was downloaded by then. */
  readonly completeMs: number;
  readonly complete: Downloads;
  /** On the loaded page: submitting a second query to its first result. */
  readonly nextQueryMs: number;
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

/** What the site's responses since navigation cost, those that had arrived within a span of the page's clock. */
async function downloadsWithin(
  root: string,
  origin: string,
  requests: readonly Request[],
  timeOrigin: number,
  fromMs: number,
  toMs: number,
): Promise<Downloads> {
  const files: FileCost[] = [];
  for (const request of requests) {
    const timing = request.timing();
    if (timing.startTime < timeOrigin + fromMs || timing.startTime + timing.responseEnd > timeOrigin + toMs) continue;
    const url = new URL(request.url());
    if (url.origin !== origin) continue;
    const file = await cost(root, url.pathname);
    if (file) files.push(file);
  }
  files.sort((a, b) => b.gzip - a.gzip || a.path.localeCompare(b.path));
  return {
    files,
    gzipTotal: files.reduce((sum, file) => sum + file.gzip, 0),
    rawTotal: files.reduce((sum, file) => sum + file.raw, 0),
  };
}

/** Submits `query` in the page's search box; resolves with the page's clock at submission and at the first result in the list. */
async function submitQuery(page: Page, query: string): Promise<{ submittedMs: number; firstResultMs: number }> {
  await page.fill("#search-input", query);
  return page.evaluate(
    () =>
      new Promise<{ submittedMs: number; firstResultMs: number }>((done) => {
        const list = document.querySelector("#search-results") as HTMLElement;
        const submittedMs = performance.now();
        const observer = new MutationObserver(() => {
          const firstItem = list.firstElementChild;
          if (firstItem && !firstItem.hasAttribute("aria-hidden") && firstItem.textContent !== "") {
            observer.disconnect();
            done({ submittedMs, firstResultMs: performance.now() });
          }
        });
        observer.observe(list, { subtree: true, childList: true, attributes: true });
        list.replaceChildren();
        (document.querySelector("#search-query") as HTMLFormElement).requestSubmit();
      }),
  );
}

/** What `openCold` hands its caller: the page, the site's folder and origin, and the requests finished so far. */
interface ColdPage {
  readonly page: Page;
  readonly root: string;
  readonly origin: string;
  readonly finished: readonly Request[];
}

/** A page in a fresh Chromium profile (nothing cached), with every finished request recorded. */
async function openCold<T>(siteDir: string, use: (cold: ColdPage) => Promise<T>): Promise<T> {
  const root = resolve(siteDir);
  const server = await serveFolder(root);
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    const finished: Request[] = [];
    // Requests from Pagefind's web worker are reported to the page too.
    page.on("requestfinished", (request) => finished.push(request));
    return await use({ page, root, origin: server.origin, finished });
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function measureOnce(siteDir: string, query: string, nextQuery: string): Promise<RunResult> {
  return openCold(siteDir, async ({ page, root, origin, finished }) => {
    // Nothing runs in the page until its search has settled: Playwright's own
    // script, injected on the first evaluation, took the page's main thread
    // for some 20 ms in the middle of what is measured. The first result
    // needs its fragment; the whole archive's results end the page's fetches.
    const fragment = page.waitForEvent("requestfinished", {
      predicate: (request) => request.url().endsWith(".pf_fragment"),
      timeout: 60_000,
    });
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
    await fragment;
    await page.waitForLoadState("networkidle", { timeout: 60_000 });
    const markTime = async (name: string) =>
      (await (
        await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, name, { timeout: 60_000 })
      ).jsonValue()) as number;
    const firstResultMs = await markTime(MARKS.firstResult);
    const completeMs = await markTime(MARKS.complete);
    const resultsMs = await markTime(MARKS.results);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    // Only what had arrived by then; results further down load later.
    const first = await downloadsWithin(root, origin, finished, timeOrigin, -Infinity, firstResultMs);
    const complete = await downloadsWithin(root, origin, finished, timeOrigin, -Infinity, completeMs);

    // A second search on the page as a reader leaves it: everything loaded.
    await page.locator("#search[data-ready]").waitFor({ state: "attached", timeout: 60_000 });
    const next = await submitQuery(page, nextQuery);
    return { firstResultMs, resultsMs, completeMs, ...first, complete, nextQueryMs: next.firstResultMs - next.submittedMs };
  });
}

export interface TypedResult {
  /** Submission to the first rendered result, in milliseconds. */
  readonly firstResultMs: number;
  /** What the page had downloaded before the query: the page, its scripts, the library and the newest shard's metadata. */
  readonly beforeQuery: Downloads;
  /** What the query itself downloaded by its first result: index chunks and result fragments. */
  readonly query: Downloads;
}

/**
 * The first query of a reader who opens the search page and types: a fresh
 * /search/ page, left to load what it loads on its own, then `query` typed
 * and submitted.
 */
export async function measureTyped(siteDir: string, query: string): Promise<TypedResult> {
  return openCold(siteDir, async ({ page, root, origin, finished }) => {
    await page.goto(`${origin}/search/`, { waitUntil: "networkidle" });
    await page.locator("#search[data-ready]").waitFor({ state: "attached", timeout: 60_000 });
    const { submittedMs, firstResultMs } = await submitQuery(page, query);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    return {
      firstResultMs: firstResultMs - submittedMs,
      beforeQuery: await downloadsWithin(root, origin, finished, timeOrigin, -Infinity, submittedMs),
      query: await downloadsWithin(root, origin, finished, timeOrigin, submittedMs, firstResultMs),
    };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

function kind(path: string): string {
  if (/^\/pagefind\/(?:[^/]+\/)?(?:pagefind|pagefind-worker)\.js$|\.pagefind$/.test(path)) return "library";
  if (/^\/assets\//.test(path)) return "UI";
  if (/^\/pagefind\//.test(path)) return "index";
  return "page";
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      site: { type: "string" },
      query: { type: "string", default: "president" },
      then: { type: "string", default: "election" },
      runs: { type: "string", default: "3" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  if (values.help || !values.site || !Number.isInteger(runs) || runs < 1) {
    console.error(
      "Usage: npm run bench:search -- --site DIR [--query WORDS] [--then WORDS] [--runs N] [--json]\n  DIR is a built site (npm run build -- --out DIR).",
    );
    return values.help ? 0 : 2;
  }
  const listed = JSON.parse(await readFile(join(values.site, "pagefind", "shards.json"), "utf8")) as {
    shards: Array<{ id: string; pages: number }>;
  };
  const pages = listed.shards.reduce((sum, shard) => sum + shard.pages, 0);
  const newest = listed.shards[0];

  // Before the runs: Chromium's own processes would count in it afterwards.
  const load = loadavg()[0]?.toFixed(1) ?? "?";
  const results: RunResult[] = [];
  const typed: TypedResult[] = [];
  for (let run = 0; run < runs; run++) {
    results.push(await measureOnce(values.site, values.query, values.then));
    typed.push(await measureTyped(values.site, values.query));
  }
  const typedTimes = typed.map((result) => result.firstResultMs);
  const typicalTyped = typed.find((result) => result.firstResultMs === median(typedTimes)) ?? typed[0];
  const times = results.map((result) => result.firstResultMs);
  // Bytes barely move between runs; show the run with the median time.
  const typical = results.find((result) => result.firstResultMs === median(times)) ?? results[0];
  if (!typical || !typicalTyped) return 1;

  if (values.json) {
    console.log(
      JSON.stringify(
        {
          site: values.site,
          query: values.query,
          indexedPages: pages,
          shards: listed.shards.length,
          firstResultMs: times,
          resultsMs: results.map((result) => result.resultsMs),
          completeMs: results.map((result) => result.completeMs),
          nextQueryMs: results.map((result) => result.nextQueryMs),
          typedQueryMs: typedTimes,
          typedBeforeQueryGzipBytes: typicalTyped.beforeQuery.gzipTotal,
          typedQueryGzipBytes: typicalTyped.query.gzipTotal,
          gzipBytes: typical.gzipTotal,
          rawBytes: typical.rawTotal,
          completeGzipBytes: typical.complete.gzipTotal,
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
  const ms = (pick: (result: RunResult) => number) => `${Math.round(median(results.map(pick)))} ms`;
  console.log(
    `Search budget: /search/?q=${values.query} on ${values.site} (${pages} pages indexed in ${listed.shards.length} shards, the newest ${newest?.id ?? "?"} with ${newest?.pages ?? 0}), ${runs} cold run${runs === 1 ? "" : "s"}`,
  );
  console.log(
    `  first result after ${Math.round(median(times))} ms (median; runs: ${times.map((time) => Math.round(time)).join(", ")} ms; results known at ${ms((result) => result.resultsMs)})` +
      ` (machine load ${load} on ${availableParallelism()} cores before the runs)`,
  );
  console.log(`  downloaded by then: ${kb(typical.gzipTotal)} gzipped (${kb(typical.rawTotal)} as files) in ${typical.files.length} files`);
  console.log(`    ${[...byKind].map(([name, bytes]) => `${name} ${kb(bytes)}`).join(", ")}`);
  console.log(
    `  whole archive's results after ${ms((result) => result.completeMs)}, ${kb(typical.complete.gzipTotal)} gzipped downloaded by then (${typical.complete.files.length} files)`,
  );
  console.log(`  then "${values.then}" submitted on the loaded page: first result after ${ms((result) => result.nextQueryMs)}`);
  console.log(
    `  "${values.query}" typed on a fresh /search/ page: first result ${Math.round(median(typedTimes))} ms after submitting (median; runs: ${typedTimes.map((time) => Math.round(time)).join(", ")} ms)`,
  );
  console.log(
    `    the page had loaded ${kb(typicalTyped.beforeQuery.gzipTotal)} on its own (${typicalTyped.beforeQuery.files.length} files), the query then ${kb(typicalTyped.query.gzipTotal)} (${typicalTyped.query.files.length} files): ${kb(typicalTyped.beforeQuery.gzipTotal + typicalTyped.query.gzipTotal)} in all`,
  );
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
