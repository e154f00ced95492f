/**
 * What `stagedBuild.ts` reports, and how the benchmark reads it back from
 * the child's output.
 */

/** The build's stages, in order, as `stagedBuild.ts` times them. */
export const STAGES = ["ingest", "archive", "render", "index"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  ingest: "ingest (read, parse, entities)",
  archive: "archive derivations",
  render: "render (Eleventy)",
  index: "search index (Pagefind)",
};

export interface StageMemory {
  /** Resident memory of the Node process of the stage's step when the stage ended, MB. */
  readonly rssMB: number;
  readonly heapUsedMB: number;
}

export interface StagedBuildResult {
  /** Seconds from process start to the first stage, summed over the build's processes: Node, tsx and module loading. */
  readonly startupSeconds: number;
  readonly stages: Record<Stage, number>;
  /**
   * CPU seconds (user + system, all threads) of the Node process running
   * each stage; less disturbed than wall time by other work on the machine.
   * The search index's work is done by the Pagefind process, not counted here.
   */
  readonly stageCpu: Record<Stage, number>;
  /** Staging the output folder and swapping it in. */
  readonly outputSeconds: number;
  /**
   * Seconds the index step's process ran while the pages step's did: a
   * rebuild that renders few pages indexes beside its last pages
   * (`buildInProcesses.ts`), so its stages add up to more than its wall time.
   */
  readonly overlapSeconds: number;
  readonly memory: Record<Stage, StageMemory>;
  /** Peak resident memory of the largest of the build's Node processes (not Pagefind's), MB. */
  readonly nodeMaxRssMB: number;
  readonly articles: number;
  /** Articles taken from the cache (`--cache`) rather than parsed and read for entities. */
  readonly cachedArticles: number;
  readonly pages: number;
  readonly indexedPages: number;
  /** How many diagnostics of each code the build found. */
  readonly diagnostics: Readonly<Record<string, number>>;
}

/** The last line of the child's stdout that is a JSON object with `stages`; null when there is none. */
export function parseStagedBuildOutput(stdout: string): StagedBuildResult | null {
  const lines = stdout.split("\n").filter((line) => line.startsWith("{"));
  for (const line of lines.reverse()) {
    try {
      const value: unknown = JSON.parse(line);
      if (value !== null && typeof value === "object" && "stages" in value) return value as StagedBuildResult;
    } catch {
      // Not ours: keep looking.
    }
  }
  return null;
}
