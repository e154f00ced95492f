/**
 * The Clippings build of `src/build.ts`, stage by stage, each one timed: the
 * child process `runBenchmark.ts` measures, so that its memory is the
 * build's alone.
 *
 *   node --import tsx src/bench/stagedBuild.ts --seeds DIR --out DIR [--cache DIR]
 *
 * Stages: ingest (`prepareFolder`: read, parse and find each article's
 * entities and quotations, in worker threads, taking from the cache in
 * `--cache DIR` what it holds), archive (`buildArchive`), render
 * (`renderSite`, Eleventy) and search index (`indexArticles`, Pagefind),
 * into a staged output folder that is then swapped in, as `buildSite` does. Prints one line per stage on stderr as it ends, and last
 * one JSON line on stdout: `StagedBuildResult`.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { buildArchive } from "../archive/buildArchive.ts";
import { ingestOptionsFor } from "../build.ts";
import { stageOutput } from "../outputFolder.ts";
import { prepareFolder } from "../prepare/prepareFolder.ts";
import { renderSite } from "../render/renderSite.ts";
import { indexArticles } from "../search/indexArticles.ts";
import { planShards } from "../search/shardPlan.ts";
import { DEFAULT_SETTINGS } from "../site/siteSettings.ts";
import type { Stage, StagedBuildResult, StageMemory } from "./stagedBuildResult.ts";

const MB = 1024 * 1024;

function memoryNow(): StageMemory {
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMB: Math.round(rss / MB), heapUsedMB: Math.round(heapUsed / MB) };
}

async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { seeds: { type: "string" }, out: { type: "string" }, cache: { type: "string" } },
    strict: true,
  });
  if (values.seeds === undefined || values.out === undefined) throw new Error("usage: stagedBuild.ts --seeds DIR --out DIR [--cache DIR]");
  const startupSeconds = performance.now() / 1000;
  const stages = {} as Record<Stage, number>;
  const stageCpu = {} as Record<Stage, number>;
  const memory = {} as Record<Stage, StageMemory>;
  let outputSeconds = 0;
  async function timed<T>(stage: Stage, run: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await run();
    stages[stage] = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    stageCpu[stage] = (used.user + used.system) / 1e6;
    memory[stage] = memoryNow();
    console.error(
      `  ${stage}: ${stages[stage].toFixed(1)} s (Node CPU ${stageCpu[stage].toFixed(1)} s), rss ${memory[stage].rssMB} MB, heap ${memory[stage].heapUsedMB} MB`,
    );
    return result;
  }

  const options = ingestOptionsFor({});
  const seedsDir = values.seeds;
  const cache = values.cache === undefined ? {} : { cacheDir: values.cache };
  const { folder, articles, rejected, findings, cached } = await timed("ingest", () => prepareFolder(seedsDir, options, cache));
  const archive = await timed("archive", () => buildArchive(articles, { today: options.today, findings }));

  let started = performance.now();
  const outDir = values.out;
  const staging = await stageOutput(outDir);
  outputSeconds += (performance.now() - started) / 1000;
  const shards = planShards(archive.articles);
  const { pages } = await timed("render", () => renderSite(archive, DEFAULT_SETTINGS, staging.dir, shards, { previousSiteDir: outDir }));
  const { indexedPages } = await timed("index", () => indexArticles(staging.dir, shards, { previousSiteDir: outDir }));
  started = performance.now();
  await staging.commit();
  outputSeconds += (performance.now() - started) / 1000;

  const diagnostics: Record<string, number> = {};
  for (const item of [...folder.diagnostics, ...rejected, ...articles.flatMap((article) => article.diagnostics)]) {
    diagnostics[item.code] = (diagnostics[item.code] ?? 0) + 1;
  }
  const result: StagedBuildResult = {
    startupSeconds,
    stages,
    stageCpu,
    outputSeconds,
    memory,
    // resourceUsage().maxRSS is in kilobytes.
    nodeMaxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    articles: archive.articles.length,
    cachedArticles: cached,
    pages: pages.length,
    indexedPages,
    diagnostics,
  };
  console.log(JSON.stringify(result));
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // Eleventy wraps the template's own error: show the whole chain.
  for (let cause: unknown = error, depth = 0; cause !== undefined && depth < 5; depth++) {
    console.error(
      `${depth === 0 ? "error" : "caused by"}: ${cause instanceof Error ? (cause.stack ?? cause.message) : JSON.stringify(cause)}`,
    );
    cause = cause instanceof Error ? (cause.cause ?? (cause as { originalError?: unknown }).originalError) : undefined;
  }
  process.exitCode = 1;
}
