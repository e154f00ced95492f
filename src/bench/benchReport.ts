/**
 * The benchmark's results: one typed record, printed as a table for people
 * and as one JSON line for scripts. Pure formatting, no I/O.
 */
import type { BenchSeeds } from "./benchSeeds.ts";
import type { FirstQuery, FolderSize } from "./outputStats.ts";
import { STAGE_LABELS, STAGES, type StagedBuildResult } from "./stagedBuildResult.ts";

/** Megabytes of 2^20 bytes, throughout. */
export const MB = 1024 * 1024;

export interface MeasuredRun {
  readonly wallSeconds: number;
  /** User + system CPU seconds of the whole process tree. */
  readonly cpuSeconds: number;
  readonly peakRssBytes: number;
  /** Largest VmHWM of one process, per program name. */
  readonly peakByProgram: Readonly<Record<string, number>>;
  readonly output: FolderSize;
  readonly firstQuery: FirstQuery | null;
  /** One-minute load average before and after the run. */
  readonly load: readonly [number, number];
}

export interface ClippingsRun extends MeasuredRun {
  readonly build: StagedBuildResult;
}

/** A Clippings build after one article was edited or added, with the previous build's cache and site. */
export interface IncrementalRun extends ClippingsRun {
  readonly change: "edited" | "added";
  /** The file edited or added. */
  readonly file: string;
}

export interface BareRun extends MeasuredRun {
  /** Wall seconds of each child process: `eleventy`, `pagefind`. */
  readonly steps: { readonly eleventy: number; readonly pagefind: number };
}

export interface BenchResult {
  readonly corpus: string;
  /** The commit of the code measured, with "+ uncommitted changes" when it differs. */
  readonly source: string;
  readonly seed: number;
  readonly seeds: Omit<BenchSeeds, "dir">;
  readonly machine: { readonly cpus: number; readonly memoryGB: number; readonly node: string };
  readonly clippings: ClippingsRun;
  readonly bare: BareRun | null;
  /** One article edited, then one added: each built on the build before. */
  readonly incremental: readonly IncrementalRun[];
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const mb = (bytes: number): number => round(bytes / MB, 1);
const kb = (bytes: number): number => round(bytes / 1024, 1);
const thousands = (value: number): string => value.toLocaleString("en-US");
const seconds = (value: number): string => `${value.toFixed(1)} s`;
const megabytes = (bytes: number): string => `${thousands(Math.round(bytes / MB))} MB`;
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");

function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)))
        .join("   ")
        .trimEnd(),
    )
    .join("\n");
}

function programs(peaks: Readonly<Record<string, number>>): string {
  return Object.entries(peaks)
    .filter(([, bytes]) => bytes >= 1 * MB)
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${megabytes(bytes)}`)
    .join(", ");
}

function firstQueryLine(query: FirstQuery | null): string {
  if (query === null) return "–";
  return `${kb(query.bytes)} KB`;
}

/** The table a person reads. */
export function formatReport(result: BenchResult): string {
  const { clippings: c, bare: b, seeds } = result;
  const build = c.build;
  // Columns: what, Clippings, its Node process's CPU (stages only), bare, ratio.
  const rows: string[][] = [["", "Clippings", "(Node CPU)", ...(b ? ["bare", "Clippings / bare"] : [])]];
  const row = (label: string, clippings: string, cpu: string, bare: string, ratioText: string) =>
    rows.push([label, clippings, cpu, ...(b ? [bare, ratioText] : [])]);
  const bareStep = (stage: string) => (stage === "render" ? b?.steps.eleventy : stage === "index" ? b?.steps.pagefind : undefined);
  row("startup (Node, tsx, imports)", seconds(build.startupSeconds), "", "", "");
  for (const stage of STAGES) {
    const bare = bareStep(stage);
    row(STAGE_LABELS[stage], seconds(build.stages[stage]), seconds(build.stageCpu[stage]), bare === undefined ? "" : seconds(bare), "");
  }
  row("output staging and swap", seconds(build.outputSeconds), "", "", "");
  row("total wall", seconds(c.wallSeconds), "", b ? seconds(b.wallSeconds) : "", b ? ratio(c.wallSeconds, b.wallSeconds) : "");
  row("CPU time, process tree", seconds(c.cpuSeconds), "", b ? seconds(b.cpuSeconds) : "", b ? ratio(c.cpuSeconds, b.cpuSeconds) : "");
  row(
    "peak RSS, process tree",
    megabytes(c.peakRssBytes),
    "",
    b ? megabytes(b.peakRssBytes) : "",
    b ? ratio(c.peakRssBytes, b.peakRssBytes) : "",
  );
  const files = (run: MeasuredRun) => `${megabytes(run.output.bytes)}, ${thousands(run.output.files)} files`;
  row("output", files(c), "", b ? files(b) : "", b ? ratio(c.output.bytes, b.output.bytes) : "");
  row("Pagefind first query (est.)", firstQueryLine(c.firstQuery), "", b ? firstQueryLine(b.firstQuery) : "", "");
  const loads = (run: MeasuredRun) => `${run.load[0].toFixed(2)} → ${run.load[1].toFixed(2)}`;
  row("load average before → after", loads(c), "", b ? loads(b) : "", "");

  const copies =
    seeds.copies > 0
      ? `${thousands(seeds.sources)} originals + ${thousands(seeds.copies)} copies in ${seeds.rounds} round${seeds.rounds === 1 ? "" : "s"}, each copy's date moved back 1–20 years ± 182 days (seed ${result.seed})`
      : `the first ${thousands(seeds.articles)} of ${thousands(seeds.sources)} articles, unchanged`;
  const lines = [
    `Clippings benchmark: ${thousands(seeds.articles)} articles from ${result.corpus}`,
    `  seeds: ${copies}; dates ${seeds.span ? `${seeds.span.first} … ${seeds.span.last}` : "none"}; ${megabytes(seeds.bytes)}`,
    `  code: ${result.source}`,
    `  machine: ${result.machine.cpus} CPUs, ${result.machine.memoryGB} GB, Node ${result.machine.node}`,
    "",
    table(rows),
    "",
    `Clippings: ${thousands(build.articles)} articles, ${thousands(build.pages)} pages, ${thousands(build.indexedPages)} indexed; diagnostics ${
      Object.entries(build.diagnostics)
        .map(([code, count]) => `${code} ${thousands(count)}`)
        .join(", ") || "none"
    }`,
    `  memory by program (largest VmHWM of one process): ${programs(c.peakByProgram)}`,
    `  build's step process after each stage: ${STAGES.map((stage) => `${stage} rss ${build.memory[stage].rssMB} MB / heap ${build.memory[stage].heapUsedMB} MB`).join("; ")}`,
  ];
  if (c.firstQuery) {
    lines.push(
      `  first query: ${c.firstQuery.parts.map((part) => `${part.file} ${kb(part.bytes)} KB`).join(", ")}`,
      `    plus 5 result fragments ≈ ${kb(c.firstQuery.fragmentBytes)} KB`,
    );
  }
  if (result.incremental.length > 0) lines.push("", ...incrementalLines(result.incremental, c));
  if (b) {
    lines.push(
      `Bare: Eleventy ${seconds(b.steps.eleventy)} then Pagefind CLI ${seconds(b.steps.pagefind)} (each a child process, startup included); peak is the larger of the two`,
      `  memory by program: ${programs(b.peakByProgram)}`,
    );
    if (b.firstQuery) lines.push(`  first query: ${b.firstQuery.parts.map((part) => `${part.file} ${kb(part.bytes)} KB`).join(", ")}`);
  }
  return lines.join("\n");
}

/** The incremental builds beside the cold one, stage by stage. */
function incrementalLines(runs: readonly IncrementalRun[], cold: ClippingsRun): string[] {
  const rows: string[][] = [["", ...runs.map((run) => `one ${run.change}`), "cold", ...runs.map((run) => `${run.change} / cold`)]];
  const row = (label: string, pick: (run: ClippingsRun) => number, show: (value: number) => string) =>
    rows.push([label, ...runs.map((run) => show(pick(run))), show(pick(cold)), ...runs.map((run) => ratio(pick(run), pick(cold)))]);
  for (const stage of STAGES) row(STAGE_LABELS[stage], (run) => run.build.stages[stage], seconds);
  row("index step beside the pages step", (run) => run.build.overlapSeconds, seconds);
  row("total wall", (run) => run.wallSeconds, seconds);
  row("peak RSS, process tree", (run) => run.peakRssBytes, megabytes);
  return [
    `Incremental: each built with the build before's cache and site; ${runs
      .map(
        (run) =>
          `${run.change} ${run.file} (${thousands(run.build.cachedArticles)} of ${thousands(run.build.articles)} articles from the cache)`,
      )
      .join("; then ")}`,
    "",
    table(rows),
  ];
}

function runJson(run: MeasuredRun) {
  return {
    wallSeconds: round(run.wallSeconds, 2),
    cpuSeconds: round(run.cpuSeconds, 2),
    peakRssMB: mb(run.peakRssBytes),
    peakByProgramMB: Object.fromEntries(Object.entries(run.peakByProgram).map(([name, bytes]) => [name, mb(bytes)])),
    outputMB: mb(run.output.bytes),
    outputFiles: run.output.files,
    firstQueryKB: run.firstQuery ? kb(run.firstQuery.bytes) : null,
    load: run.load.map((value) => round(value, 2)),
  };
}

/** The one-line JSON for scripts: seconds, MB (2^20 bytes) and KB (2^10 bytes). */
export function reportJson(result: BenchResult): string {
  const { clippings: c, bare: b } = result;
  const build = c.build;
  return JSON.stringify({
    corpus: result.corpus,
    source: result.source,
    articles: result.seeds.articles,
    seed: result.seed,
    seeds: { ...result.seeds, bytes: undefined, MB: mb(result.seeds.bytes) },
    machine: result.machine,
    clippings: {
      ...runJson(c),
      stages: {
        startup: round(build.startupSeconds, 2),
        ...Object.fromEntries(STAGES.map((stage) => [stage, round(build.stages[stage], 2)])),
        output: round(build.outputSeconds, 2),
      },
      stageNodeCpu: Object.fromEntries(STAGES.map((stage) => [stage, round(build.stageCpu[stage], 2)])),
      memoryByStage: build.memory,
      nodeMaxRssMB: build.nodeMaxRssMB,
      cachedArticles: build.cachedArticles,
      pages: build.pages,
      indexedPages: build.indexedPages,
      diagnostics: build.diagnostics,
      indexChunks: c.firstQuery?.indexChunks ?? null,
    },
    bare: b ? { ...runJson(b), steps: { eleventy: round(b.steps.eleventy, 2), pagefind: round(b.steps.pagefind, 2) } } : null,
    incremental: result.incremental.map((run) => ({
      ...runJson(run),
      change: run.change,
      file: run.file,
      cachedArticles: run.build.cachedArticles,
      stages: Object.fromEntries(STAGES.map((stage) => [stage, round(run.build.stages[stage], 2)])),
      indexBesidePagesSeconds: round(run.build.overlapSeconds, 2),
      wallRatioToCold: round(run.wallSeconds / c.wallSeconds, 3),
    })),
    ratio: b
      ? {
          wall: round(c.wallSeconds / b.wallSeconds, 3),
          cpu: round(c.cpuSeconds / b.cpuSeconds, 3),
          peakRss: round(c.peakRssBytes / b.peakRssBytes, 3),
        }
      : null,
  });
}
