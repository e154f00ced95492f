/**
 * `npm run serve [-- --seeds DIR --out DIR --port N]`: builds the site, serves
 * it on localhost and rebuilds (search index included) with live reload
 * whenever an article or a template changes.
 */
import { Eleventy } from "@11ty/eleventy";
import { ingestOptionsFor, loadArchive } from "../build.ts";
import { DEFAULT_OPTIONS } from "../buildOptions.ts";
import { formatGroupedDiagnostics } from "../diagnostics.ts";
import { stageOutput } from "../outputFolder.ts";
import { ELEVENTY_CONFIG, provideArchive, TEMPLATES_DIR } from "../render/renderSite.ts";
import { indexArticles } from "../search/indexArticles.ts";
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
    config.on("eleventy.after", async () => {
      const { archive } = await load();
      // The site is rewritten in place: shards whose pages did not change stay as they are.
      const { indexedPages, reused } = await indexArticles(outDir, planShards(archive.articles), { previousSiteDir: outDir });
      console.log(`Search index: ${indexedPages} articles, ${reused.length} shard(s) unchanged`);
    });
  },
});
await eleventy.init();
await eleventy.watch();
await eleventy.serve(values.port === undefined ? 8080 : Number(values.port));
