/**
 * `npm run serve [-- --seeds DIR --out DIR --port N]`: builds the site, serves
 * it on localhost and rebuilds (search index included) with live reload
 * whenever an article or a template changes.
 */
import { Eleventy } from "@11ty/eleventy";
import { parseArgs } from "node:util";
import { DEFAULT_OPTIONS, loadArchive } from "../build.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import { prepareOutputFolder } from "../outputFolder.ts";
import { ELEVENTY_CONFIG, provideArchive, TEMPLATES_DIR } from "../render/renderSite.ts";
import { indexArticles } from "../search/indexArticles.ts";

const { values } = parseArgs({
  options: { seeds: { type: "string" }, out: { type: "string" }, port: { type: "string" } },
  strict: true,
});
const seedsDir = values.seeds ?? DEFAULT_OPTIONS.seedsDir;
const outDir = values.out ?? DEFAULT_OPTIONS.outDir;

await prepareOutputFolder(outDir);
const eleventy = new Eleventy(TEMPLATES_DIR, outDir, {
  configPath: ELEVENTY_CONFIG,
  runMode: "serve",
  config: (config) => {
    // A function, so every rebuild reads the seeds folder afresh.
    provideArchive(config, async () => {
      const { archive, diagnostics } = await loadArchive(seedsDir);
      diagnostics.forEach((diagnostic) => console.warn(formatDiagnostic(diagnostic)));
      return archive;
    });
    config.addWatchTarget(seedsDir);
    config.on("eleventy.after", async () => {
      const { indexedPages } = await indexArticles(outDir);
      console.log(`Search index: ${indexedPages} articles`);
    });
  },
});
await eleventy.init();
await eleventy.watch();
await eleventy.serve(values.port === undefined ? 8080 : Number(values.port));
