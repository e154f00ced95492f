/**
 * The Clippings build of `npm run build` (`buildInProcesses.ts`: pages,
 * then search index, each step in a process of its own), in the child
 * process `runBenchmark.ts` measures, so that the memory of its process
 * tree is the build's alone.
 *
 *   node --import tsx src/bench/stagedBuild.ts --seeds DIR --out DIR [--cache DIR]
 *
 * Stages, as the steps time them from their own progress: ingest (read,
 * parse and find each article's entities and quotations, in worker
 * threads, taking from the cache in `--cache DIR` what it holds), archive
 * (`buildArchive`), render (`renderSite`, Eleventy) and search index
 * (`indexArticles`, Pagefind). Prints on stderr each stage as it begins,
 * and its figures once the build is done; last, one JSON line on stdout:
 * `StagedBuildResult`.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { BuildStage } from "../buildProgress.ts";
import { buildInProcesses, type StepRun } from "../buildInProcesses.ts";
import { STAGES, type Stage, type StagedBuildResult, type StageMemory } from "./stagedBuildResult.ts";

/** The build's own names for its stages, as the benchmark reports them. */
const BENCH_STAGE: Readonly<Record<BuildStage, Stage>> = { parse: "ingest", archive: "archive", pages: "render", index: "index" };

/** How long the index step's process ran beside the pages step's. */
function overlap(steps: readonly StepRun[]): number {
  const pages = steps.find((step) => step.step === "pages");
  const index = steps.find((step) => step.step === "index");
  return pages === undefined || index === undefined ? 0 : Math.max(0, Math.min(pages.ended, index.ended) - index.began);
}

async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { seeds: { type: "string" }, out: { type: "string" }, cache: { type: "string" } },
    strict: true,
  });
  if (values.seeds === undefined || values.out === undefined) throw new Error("usage: stagedBuild.ts --seeds DIR --out DIR [--cache DIR]");
  const startupSeconds = performance.now() / 1000;
  let shown: BuildStage | null = null;
  const summary = await buildInProcesses({
    seedsDir: values.seeds,
    outDir: values.out,
    // Each stage's figures come when its step ends; until then, say where the build is.
    onProgress: ({ stage }) => {
      if (stage !== shown) console.error(`  ${BENCH_STAGE[stage]} …`);
      shown = stage;
    },
    ...(values.cache === undefined ? {} : { cacheDir: values.cache }),
  });

  const stages = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  const stageCpu = { ...stages };
  const memory = {} as Record<Stage, StageMemory>;
  for (const step of summary.steps) {
    for (const timing of step.stages) {
      const stage = BENCH_STAGE[timing.stage];
      stages[stage] += timing.seconds;
      stageCpu[stage] += timing.cpuSeconds;
      memory[stage] = { rssMB: timing.rssMB, heapUsedMB: timing.heapUsedMB };
      console.error(
        `  ${stage}: ${timing.seconds.toFixed(1)} s (Node CPU ${timing.cpuSeconds.toFixed(1)} s), rss ${timing.rssMB} MB, heap ${timing.heapUsedMB} MB`,
      );
    }
  }
  const diagnostics: Record<string, number> = {};
  for (const item of summary.diagnostics) diagnostics[item.code] = (diagnostics[item.code] ?? 0) + 1;
  const result: StagedBuildResult = {
    startupSeconds: startupSeconds + summary.steps.reduce((sum, step) => sum + step.startupSeconds, 0),
    stages,
    stageCpu,
    outputSeconds: summary.outputSeconds,
    overlapSeconds: overlap(summary.steps),
    memory,
    // resourceUsage().maxRSS is in kilobytes.
    nodeMaxRssMB: Math.max(Math.round(process.resourceUsage().maxRSS / 1024), ...summary.steps.map((step) => step.maxRssMB)),
    articles: summary.articles,
    cachedArticles: summary.cachedArticles,
    pages: summary.pages,
    indexedPages: summary.indexedPages,
    diagnostics,
  };
  console.log(JSON.stringify(result));
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // A step's error carries its causes (buildStepProcess.ts).
  console.error(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
