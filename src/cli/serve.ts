/**
 * `npm run serve [-- --seeds DIR --out DIR --port N]`: builds the site, serves
 * it on localhost and rebuilds (search index included) with live reload
 * whenever an article is added, changed or deleted, or a template changes.
 */
import { relative, resolve } from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { ingestOptionsFor, loadArchive } from "../build.ts";
import { DEFAULT_OPTIONS } from "../buildOptions.ts";
import { formatGroupedDiagnostics } from "../diagnostics.ts";
import { stageOutput } from "../outputFolder.ts";
import { ELEVENTY_CONFIG, provideArchive, TEMPLATES_DIR } from "../render/renderSite.ts";
import { removeStalePages } from "../render/stalePages.ts";
import { indexArticles, writePlan } from "../search/indexArticles.ts";
import { planShards } from "../search/shardPlan.ts";
import { CACHE_OPTIONS, cacheDirFrom, numericDatesFrom, parseCommandLine, settingsFrom } from "./options.ts";

const values = parseCommandLine(process.argv.slice(2), { out: { type: "string" }, port: { type: "string" }, ...CACHE_OPTIONS });
const settings = await settingsFrom(values);
const seedsDir = values.seeds ?? DEFAULT_OPTIONS.seedsDir;
const outDir = values.out ?? DEFAULT_OPTIONS.outDir;

// The dev server writes in place; staging once just claims (or creates) the folder safely.
await (await stageOutput(outDir)).commit();
const eleventy = new Eleventy(TEMPLATES_DIR, outDir, {
  configPath: ELEVENTY_CONFIG,
  runMode: "serve",
  pathPrefix: settings.pathPrefix,
  config: (config) => {
    // Read afresh for every rebuild, once: pages, search page and index share it.
    let loading: ReturnType<typeof loadArchive> | null = null;
    const load = () =>
      (loading ??= loadArchive(seedsDir, ingestOptionsFor({ settings, ...numericDatesFrom(values) }), cacheDirFrom(values)).then(
        (loaded) => {
          if (loaded.diagnostics.length > 0) console.warn(formatGroupedDiagnostics(loaded.diagnostics));
          return loaded;
        },
      ));
    config.on("eleventy.before", () => {
      loading = null;
    });
    provideArchive(config, async () => (await load()).archive, settings);
    config.addWatchTarget(seedsDir);
    config.on("eleventy.after", async ({ results }) => {
      // Every rebuild here renders the whole site (Eleventy's incremental mode is off), so what it did not write is gone.
      const removed = removeStalePages(
        outDir,
        results.flatMap((result) => (typeof result.outputPath === "string" ? [result.outputPath] : [])),
      );
      if (removed.length > 0) console.log(`Removed ${removed.length} page(s) no longer in the archive: ${removed.join(", ")}`);
      const { archive } = await load();
      // The site is rewritten in place: shards whose pages did not change stay as they are.
      const shards = planShards(archive.articles);
      await writePlan(outDir, shards);
      const { indexedPages, reused } = await indexArticles(outDir, shards, { previousSiteDir: outDir });
      console.log(`Search index: ${indexedPages} articles, ${reused.length} shard(s) unchanged`);
    });
  },
});
await eleventy.init();
const rebuild = await eleventy.watch();
// Eleventy rebuilds when a file is added or changed, not when one is deleted: a deleted article must leave the site too.
eleventy.watcher?.on("unlink", (path) => {
  if (!relative(resolve(seedsDir), resolve(path)).startsWith("..")) void rebuild(path);
});
await eleventy.serve(values.port === undefined ? 8080 : Number(values.port));
