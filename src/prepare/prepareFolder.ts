/**
 * A seeds folder → its articles with their entity mentions and quotations,
 * taking from the cache what an earlier build prepared (`articleCache.ts`)
 * and preparing the rest in worker threads across the cores
 * (`prepareWorkers.ts`), or on this thread when there are too few to be
 * worth starting them.
 */
import { availableParallelism } from "node:os";
import type { ArticleFindings } from "../archive/entityPages.ts";
import type { Article } from "../article.ts";
import type { ProgressListener } from "../buildProgress.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { IngestOptions } from "../ingest/ingestOptions.ts";
import { withUniqueIds } from "../ingest/ingestSeeds.ts";
import { readFailure, readSeedFiles, type SeedFolder } from "../ingest/readSeedFiles.ts";
import { openArticleCache, type ArticleCache } from "./articleCache.ts";
import { codeVersion } from "./codeVersion.ts";
import { openSeedStats, type SeedStats } from "./seedStats.ts";
import { prepareSeed, type PreparedSeed } from "./prepareSeed.ts";
import { PrepareWorkers } from "./prepareWorkers.ts";

export interface PrepareOptions {
  /** Folder of the cache between builds; unset, no cache. @default undefined */
  readonly cacheDir?: string;
  /** Most threads preparing articles, this one included (1: no worker threads). @default os.availableParallelism() */
  readonly threads?: number;
  /** Told of every batch of articles prepared (stage `parse`). */
  readonly onProgress?: ProgressListener;
}

export interface PreparedFolder {
  readonly folder: SeedFolder;
  /** In seed (path) order, ids made unique. */
  readonly articles: readonly Article[];
  /** Errors for files that did not become articles. */
  readonly rejected: readonly Diagnostic[];
  /** Each article's entity mentions and quotations, by article id. */
  readonly findings: ReadonlyMap<string, ArticleFindings>;
  /** Articles taken from the cache rather than prepared. */
  readonly cached: number;
  /**
   * The cache key of each article prepared or read under one, by its id:
   * the article record is a function of it (`articleCache.ts`). Only with a
   * cache, and not for an article whose id had to be made unique.
   */
  readonly sourceKeys: ReadonlyMap<string, string>;
}

/** A worker is worth starting (≈ 1.5 s of loading its modules) for this many articles (≈ 4 ms each), at least. */
const ARTICLES_PER_WORKER = 600;
/** Articles sent to a worker at once. */
const BATCH = 20;

/** The modules whose code decides what a prepared article is. */
const PREPARATION = [new URL("./prepareSeed.ts", import.meta.url)];

let version: Promise<string> | undefined;

/**
 * Prepares the misses in `workers` worker threads and on this thread at
 * once, each taking the next batch when it is done with one: this thread
 * starts at once, while the workers load their modules.
 */
async function prepareShared(
  seeds: SeedFolder["seeds"],
  misses: readonly number[],
  options: IngestOptions,
  workers: number,
  done: (index: number, prepared: PreparedSeed) => void,
): Promise<void> {
  const pool = new PrepareWorkers(workers, options);
  const batches: number[][] = [];
  for (let start = 0; start < misses.length; start += BATCH) batches.push(misses.slice(start, start + BATCH));
  let next = 0;
  const seedsOf = (batch: readonly number[]) => batch.map((index) => seeds[index] as SeedFolder["seeds"][number]);
  const inWorker = async () => {
    for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
      const results = await pool.prepare(seedsOf(batch));
      batch.forEach((index, position) => done(index, results[position] as PreparedSeed));
    }
  };
  const onThisThread = async () => {
    for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
      for (const index of batch) done(index, prepareSeed(seeds[index] as SeedFolder["seeds"][number], options));
      // Let the workers' replies in, and give them their next batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([...Array.from({ length: workers * 2 }, inWorker), onThisThread()]);
  } finally {
    await pool.close();
  }
}

/** Reads every article file under `seedsDir` and prepares it, from the cache when it holds it. */
export async function prepareFolder(seedsDir: string, options: IngestOptions, prepare: PrepareOptions = {}): Promise<PreparedFolder> {
  // Reading the files comes before their count is known (20,000 take seconds).
  prepare.onProgress?.({ stage: "parse", done: 0, total: 0 });
  let cache: ArticleCache | null = null;
  let seedStats: SeedStats | null = null;
  if (prepare.cacheDir !== undefined) {
    version ??= codeVersion(PREPARATION);
    cache = await openArticleCache(prepare.cacheDir, await version, options);
    seedStats = await openSeedStats(cache.folder);
  }
  /** The keys of the files whose stats say they are unchanged: those are not read unless prepared. */
  const known = new Map<string, string>();
  const folder = await readSeedFiles(seedsDir, {
    defer: (file, stats) => {
      const key = seedStats?.keyOf(file, stats);
      if (key !== undefined) known.set(file, key);
      return key !== undefined;
    },
  });
  const { seeds } = folder;
  const results: (PreparedSeed | undefined)[] = new Array<PreparedSeed | undefined>(seeds.length);
  let count = 0;
  const report = () => prepare.onProgress?.({ stage: "parse", done: count, total: seeds.length });

  let keys: string[] = [];
  if (cache !== null) {
    const opened = cache;
    keys = seeds.map((seed) => known.get(seed.file) ?? opened.keyOf(seed));
    opened.readAll(keys).forEach((prepared, index) => (results[index] = prepared ?? undefined));
    await seedStats?.save(new Map(seeds.map((seed, index) => [seed.file, keys[index] ?? ""])));
  }
  const cached = results.filter((result) => result !== undefined).length;
  count = cached;
  report();

  const misses = seeds.flatMap((seed, index) => {
    if (results[index] !== undefined) return [];
    // A file known by its stats is read only now: if it went in between, it is reported like any file that cannot be read, and not cached.
    const failure = readFailure(seed);
    if (failure === null) return [index];
    results[index] = { ok: false, error: failure };
    count += 1;
    return [];
  });
  const done = (index: number, prepared: PreparedSeed) => {
    results[index] = prepared;
    cache?.write(keys[index] ?? "", prepared);
    count += 1;
  };
  // This thread prepares too: one worker fewer than the threads asked for.
  const workers = Math.min((prepare.threads ?? availableParallelism()) - 1, Math.floor(misses.length / ARTICLES_PER_WORKER));
  if (workers > 0) {
    await prepareShared(seeds, misses, options, workers, (index, prepared) => {
      done(index, prepared);
      if (count % BATCH === 0) report();
    });
  } else {
    for (const index of misses) {
      done(index, prepareSeed(seeds[index] as SeedFolder["seeds"][number], options));
      if (count % BATCH === 0) report();
    }
  }
  report();
  await cache?.close();

  const parsed: Article[] = [];
  const found: ArticleFindings[] = [];
  const parsedKeys: Array<string | undefined> = [];
  const rejected: Diagnostic[] = [];
  results.forEach((result, index) => {
    if (result === undefined) return;
    if (result.ok) {
      parsed.push(result.article);
      found.push(result.findings);
      parsedKeys.push(keys[index]);
    } else rejected.push(result.error);
  });
  const articles = withUniqueIds(parsed);
  const findings = new Map(articles.map((article, index) => [article.id, found[index] as ArticleFindings]));
  const sourceKeys = new Map<string, string>();
  articles.forEach((article, index) => {
    const key = parsedKeys[index];
    // A renamed duplicate is a record of its own, no longer the one its key made.
    if (key !== undefined && article === parsed[index]) sourceKeys.set(article.id, key);
  });
  return { folder, articles, rejected, findings, cached, sourceKeys };
}
