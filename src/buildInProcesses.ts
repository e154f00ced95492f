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
 *
 * A rebuild that renders few pages (an edit) starts the index step as soon
 * as the article pages are in place, while the pages step renders those
 * made from the whole archive: both are small enough then to run together
 * (`INDEX_BESIDE_PAGES_UP_TO`).
 */
import { fork } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { BuildOptions } from "./buildOptions.ts";
import type { BuildProgress } from "./buildProgress.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { stageOutput } from "./outputFolder.ts";
import { PROJECT_ROOT } from "./projectRoot.ts";
import type { RecordPages } from "./render/renderSite.ts";
import type { IndexedShard, SearchIndexResult } from "./search/indexArticles.ts";
import type { StageTiming } from "./stageClock.ts";

/** Node's heap limit for a step, MB: 100,000 articles need 3.2 GB of heap for the archive alone, beyond V8's default. */
const STEP_HEAP_MB = 5120;

const STEP_ENTRY = join(PROJECT_ROOT, "src", "buildStepProcess.ts");

/** A build run with `--cpu-prof` (`npm run bench -- --profile DIR`) profiles its steps too; Node refuses the flag in NODE_OPTIONS. */
const PROFILING = process.execArgv.filter((arg) => arg.startsWith("--cpu-prof"));

/** What the parent asks of a step process. */
export type StepRequest =
  | { readonly step: "pages"; readonly siteDir: string; readonly options: Omit<BuildOptions, "onProgress"> }
  | {
      readonly step: "index";
      readonly siteDir: string;
      readonly outDir: string;
      /** Pages the pages step linked from the previous site unchanged (`RenderResult.linked`). */
      readonly linkedPages: readonly string[];
      /** Started while the pages step still runs: one shard at a time until the parent says it is done. */
      readonly besidePages: boolean;
    };

/** The parent's messages to a step process: its request, once it asks; and, to an index step started beside the pages step, that step's end. */
export type ParentMessage = { readonly kind: "request"; readonly request: StepRequest } | { readonly kind: "pagesDone" };

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
  /** Loaded, it asks for its request: a message sent before it listens would be lost. */
  | { readonly kind: "ready" }
  | { readonly kind: "progress"; readonly progress: BuildProgress }
  /** The pages step knows how many pages it renders (`RenderOptions.onRenderPlan`). */
  | { readonly kind: "renderPlan"; readonly rendering: number }
  /** The pages step's article pages and shard plan are in place (`RenderOptions.onRecordPages`): the index step can start. */
  | { readonly kind: "recordPages"; readonly pages: RecordPages }
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
  /** When its process was started and when it ended, in seconds from the build's start: steps can overlap. */
  readonly began: number;
  readonly ended: number;
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
  /** `performance.now()` at the process's start and end, ms. */
  readonly began: number;
  readonly ended: number;
}

function stepRun(
  step: StepRun["step"],
  buildStart: number,
  { pid, stages, startupSeconds, maxRssMB, began, ended }: Finished<unknown>,
): StepRun {
  return { step, pid, stages, startupSeconds, maxRssMB, began: (began - buildStart) / 1000, ended: (ended - buildStart) / 1000 };
}

/** A step's process, running. */
interface RunningStep<Result> {
  /** Settles when the process has ended: with its result, or with its error. */
  readonly finished: Promise<Finished<Result>>;
  tell(message: ParentMessage): void;
  /** Ends the process, and settles when it has. */
  stop(): Promise<void>;
}

/** What the pages step tells as it goes, besides its progress. */
interface PagesListeners {
  readonly renderPlan?: (rendering: number) => void;
  readonly recordPages?: (pages: RecordPages) => void;
}

/** A step's process, asked `request` once it is loaded and the request is known. */
function startStep<Result>(
  step: StepRequest["step"],
  request: StepRequest | Promise<StepRequest>,
  onProgress: BuildOptions["onProgress"],
  listeners: PagesListeners = {},
): RunningStep<Result> {
  const began = performance.now();
  const child = fork(STEP_ENTRY, [String(process.pid), step], {
    execArgv: ["--import", import.meta.resolve("tsx"), `--max-old-space-size=${STEP_HEAP_MB}`, ...PROFILING],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const send = (message: ParentMessage) => {
    if (child.connected) child.send(message);
  };
  /** Messages held until the child has its request; `null` once it has. */
  let held: ParentMessage[] | null = [];
  let childReady: () => void = () => undefined;
  const asking = new Promise<void>((resolve) => (childReady = resolve));
  void Promise.all([request, asking])
    .then(([asked]) => {
      send({ kind: "request", request: asked });
      for (const message of held ?? []) send(message);
      held = null;
    })
    // A request never made: the build failed before it, and stops this step.
    .catch(() => undefined);
  const tell = (message: ParentMessage) => (held === null ? send(message) : held.push(message));
  const finished = new Promise<Finished<Result>>((resolve, reject) => {
    let outcome: Done<Result> | Error | null = null;
    child.on("message", (message: StepMessage) => {
      if (message.kind === "ready") childReady();
      else if (message.kind === "progress") onProgress?.(message.progress);
      else if (message.kind === "renderPlan") listeners.renderPlan?.(message.rendering);
      else if (message.kind === "recordPages") listeners.recordPages?.(message.pages);
      // The step sends the result of what it was asked.
      else if (message.kind === "done") outcome = message as Done<Result>;
      else outcome = new BuildStepError(message.message);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (outcome instanceof Error) reject(outcome);
      else if (outcome !== null && code === 0) resolve({ ...outcome, pid: child.pid ?? 0, began, ended: performance.now() });
      else reject(new BuildStepError(`the ${step} step's process ended (${signal ?? `exit ${code}`}) without finishing`));
    });
  });
  // Awaited later, or not at all when the other step fails first: never left unhandled.
  finished.catch(() => undefined);
  return {
    finished,
    tell,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await finished.catch(() => undefined);
    },
  };
}

/**
 * Record pages a build may render and still start indexing beside its pages
 * step: one Eleventy run's worth (`PAGES_PER_RUN`, not imported: this
 * process does not load the render code). The pages step then holds its
 * archive and one run's pages, and the index step one shard: at 20,000
 * articles, about 1.3 GB and 0.5 GB. A build that renders more (a first
 * build) indexes after the pages step has ended and given its memory back.
 */
export const INDEX_BESIDE_PAGES_UP_TO = 2_500;

export interface ProcessOptions {
  /** Most record pages a build may render and still index beside its pages step. @default INDEX_BESIDE_PAGES_UP_TO */
  readonly indexBesidePagesUpTo?: number;
}

export async function buildInProcesses(options: BuildOptions, processes: ProcessOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const { onProgress, ...stepOptions } = options;
  let outputStarted = performance.now();
  const staging = await stageOutput(options.outDir);
  let outputSeconds = (performance.now() - outputStarted) / 1000;
  const indexing = options.searchIndex !== false;
  const indexRequest = (recordPages: RecordPages | null, besidePages: boolean): StepRequest => ({
    step: "index",
    siteDir: staging.dir,
    outDir: options.outDir,
    linkedPages: recordPages?.linked ?? [],
    besidePages,
  });
  // Set by the pages step's messages: typed so that TypeScript does not take them for null throughout.
  let recordPages = null as RecordPages | null;
  let index = null as RunningStep<SearchIndexResult> | null;
  let askIndex: (pages: RecordPages) => void = () => undefined;
  try {
    // An edit's rebuild renders few pages: its index step starts loading
    // while they are rendered, and indexes (one shard) once the article
    // pages are in place, while the pages from the whole archive are.
    const pagesStep = startStep<PagesStepResult>("pages", { step: "pages", siteDir: staging.dir, options: stepOptions }, onProgress, {
      renderPlan: (rendering) => {
        if (!indexing || rendering > (processes.indexBesidePagesUpTo ?? INDEX_BESIDE_PAGES_UP_TO)) return;
        index = startStep("index", new Promise((resolve) => (askIndex = (ready) => resolve(indexRequest(ready, true)))), onProgress);
      },
      recordPages: (ready) => {
        recordPages = ready;
        askIndex(ready);
      },
    });
    const pages = await pagesStep.finished;
    const steps: StepRun[] = [stepRun("pages", started, pages)];
    let indexed: SearchIndexResult = { indexedPages: 0, shards: [], reused: [] };
    if (indexing) {
      index ??= startStep<SearchIndexResult>("index", indexRequest(recordPages, false), onProgress);
      index.tell({ kind: "pagesDone" });
      const done = await index.finished;
      indexed = done.result;
      steps.push(stepRun("index", started, done));
    }
    outputStarted = performance.now();
    // The replaced site is removed after the build returns: 4 s of disk work at 20,000 articles.
    await staging.commit({ background: true });
    outputSeconds += (performance.now() - outputStarted) / 1000;
    return {
      ...pages.result,
      indexedPages: indexed.indexedPages,
      searchShards: indexed.shards,
      reusedShards: indexed.reused,
      steps,
      outputSeconds,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    // An index step started beside a failed pages step must not write into the staged site as it goes.
    await index?.stop();
    await staging.discard();
    throw error;
  }
}
