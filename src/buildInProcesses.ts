/**
 * The build of `npm run build`: its two steps, pages then search index
 * (`buildPages` in build.ts, `indexSite` in search/), each in a Node
 * process of its own (`buildStepProcess.ts`), into one staged site swapped
 * in at the end.
 *
 * Why processes: memory a process has used stays counted against it.
 * Collected, the archive and render's garbage leave the heap but not the
 * process's resident memory (20,000 articles: heap 487 → 38 MB, RSS only
 * 1,054 → 983 MB), and the Pagefind indexers then run beside it. When the
 * pages step exits, all of it goes back; the index step reads nothing but
 * the site. At 20,000 articles the build held 2,355 MB in one process; the
 * index step alone peaks at 1,192 MB (Node 273, Pagefind 990).
 */
import { fork } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { BuildOptions } from "./buildOptions.ts";
import type { BuildProgress } from "./buildProgress.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { stageOutput } from "./outputFolder.ts";
import { PROJECT_ROOT } from "./projectRoot.ts";
import type { IndexedShard, SearchIndexResult } from "./search/indexArticles.ts";
import type { StageTiming } from "./stageClock.ts";

/** Node's heap limit for a step, MB: 100,000 articles need 3.2 GB of heap for the archive alone, beyond V8's default. */
const STEP_HEAP_MB = 5120;

const STEP_ENTRY = join(PROJECT_ROOT, "src", "buildStepProcess.ts");

/** A build run with `--cpu-prof` (`npm run bench -- --profile DIR`) profiles its steps too; Node refuses the flag in NODE_OPTIONS. */
const PROFILING = process.execArgv.filter((arg) => arg.startsWith("--cpu-prof"));

/** What the parent asks of a step process (its one argument, as JSON). */
export type StepRequest = (
  | { readonly step: "pages"; readonly siteDir: string; readonly options: Omit<BuildOptions, "onProgress"> }
  | { readonly step: "index"; readonly siteDir: string; readonly outDir: string }
) & {
  /** The parent's pid: the step ends when that process does. */
  readonly parent: number;
};

/** What the pages step reports: counts, not the archive, which stays in its process. */
export interface PagesStepResult {
  readonly articles: number;
  readonly files: number;
  readonly cachedArticles: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly pages: number;
  readonly reusedPages: number;
}

/** A step process's messages to the parent, over Node's IPC channel. */
export type StepMessage =
  | { readonly kind: "progress"; readonly progress: BuildProgress }
  | {
      readonly kind: "done";
      readonly result: PagesStepResult | SearchIndexResult;
      readonly stages: readonly StageTiming[];
      /** Seconds from the process's start until its step began: Node, tsx and the step's modules. */
      readonly startupSeconds: number;
      /** Peak resident memory of the step's Node process, MB (not Pagefind's). */
      readonly maxRssMB: number;
    }
  | { readonly kind: "failed"; readonly message: string };

/** How one step's process went. */
export interface StepRun {
  readonly step: StepRequest["step"];
  readonly pid: number;
  readonly stages: readonly StageTiming[];
  readonly startupSeconds: number;
  readonly maxRssMB: number;
}

export interface BuildSummary extends PagesStepResult {
  readonly indexedPages: number;
  readonly searchShards: readonly IndexedShard[];
  /** Shards whose index was linked unchanged from the previous build. */
  readonly reusedShards: readonly string[];
  readonly steps: readonly StepRun[];
  /** Staging the output folder and swapping it in. */
  readonly outputSeconds: number;
  readonly seconds: number;
}

/** A step failed; its message is the step's own error, such as a strict build's diagnostics. */
export class BuildStepError extends Error {
  override readonly name = "BuildStepError";
}

type Done<Result> = Extract<StepMessage, { kind: "done" }> & { readonly result: Result };

interface Finished<Result> extends Done<Result> {
  readonly pid: number;
}

function stepRun(step: StepRun["step"], { pid, stages, startupSeconds, maxRssMB }: Finished<unknown>): StepRun {
  return { step, pid, stages, startupSeconds, maxRssMB };
}

function runStep<Result>(request: StepRequest, onProgress: BuildOptions["onProgress"]): Promise<Finished<Result>> {
  return new Promise((resolve, reject) => {
    const child = fork(STEP_ENTRY, [JSON.stringify(request)], {
      execArgv: ["--import", import.meta.resolve("tsx"), `--max-old-space-size=${STEP_HEAP_MB}`, ...PROFILING],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let outcome: Done<Result> | Error | null = null;
    child.on("message", (message: StepMessage) => {
      if (message.kind === "progress") onProgress?.(message.progress);
      // The step sends the result of what it was asked.
      else if (message.kind === "done") outcome = message as Done<Result>;
      else outcome = new BuildStepError(message.message);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (outcome instanceof Error) reject(outcome);
      else if (outcome !== null && code === 0) resolve({ ...outcome, pid: child.pid ?? 0 });
      else reject(new BuildStepError(`the ${request.step} step's process ended (${signal ?? `exit ${code}`}) without finishing`));
    });
  });
}

export async function buildInProcesses(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { onProgress, ...stepOptions } = options;
  let outputStarted = performance.now();
  const staging = await stageOutput(options.outDir);
  let outputSeconds = (performance.now() - outputStarted) / 1000;
  try {
    const pages = await runStep<PagesStepResult>(
      { step: "pages", siteDir: staging.dir, options: stepOptions, parent: process.pid },
      onProgress,
    );
    const steps: StepRun[] = [stepRun("pages", pages)];
    let index: SearchIndexResult = { indexedPages: 0, shards: [], reused: [] };
    if (options.searchIndex !== false) {
      const indexed = await runStep<SearchIndexResult>(
        { step: "index", siteDir: staging.dir, outDir: options.outDir, parent: process.pid },
        onProgress,
      );
      index = indexed.result;
      steps.push(stepRun("index", indexed));
    }
    outputStarted = performance.now();
    // The replaced site is removed after the build returns: 4 s of disk work at 20,000 articles.
    await staging.commit({ background: true });
    outputSeconds += (performance.now() - outputStarted) / 1000;
    return {
      ...pages.result,
      indexedPages: index.indexedPages,
      searchShards: index.shards,
      reusedShards: index.reused,
      steps,
      outputSeconds,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await staging.discard();
    throw error;
  }
}
