/**
 * One step of a build, in the process `buildInProcesses.ts` forks for it:
 * loads its step's code, asks for its `StepRequest` over the IPC channel,
 * sends progress and then its outcome back (`StepMessage`), and exits. Its
 * arguments are the parent's pid (should the parent die, this process ends
 * too: `endWithParent.ts`) and the step.
 */
import { performance } from "node:perf_hooks";
import type { PagesStepResult, ParentMessage, StepMessage, StepRequest } from "./buildInProcesses.ts";
import type { ProgressListener } from "./buildProgress.ts";
import type { SearchIndexResult } from "./search/indexArticles.ts";
import { endWithParent } from "./endWithParent.ts";
import { stageClock } from "./stageClock.ts";

function send(message: StepMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.send === undefined) reject(new Error("buildStepProcess.ts runs only as a child of buildInProcesses.ts"));
    else process.send(message, (error: Error | null) => (error === null ? resolve() : reject(error)));
  });
}

/** The parent's messages, from now on: the request first. */
function listen(): { request: Promise<StepRequest>; pagesDone: Promise<void> } {
  let request: (value: StepRequest) => void = () => undefined;
  let pagesDone: () => void = () => undefined;
  const promises = {
    request: new Promise<StepRequest>((resolve) => (request = resolve)),
    pagesDone: new Promise<void>((resolve) => (pagesDone = resolve)),
  };
  process.on("message", (message: ParentMessage) => {
    if (message.kind === "request") request(message.request);
    else pagesDone();
  });
  return promises;
}

type StepRunner = (
  request: StepRequest,
  pagesDone: Promise<void>,
  onProgress: ProgressListener,
) => Promise<PagesStepResult | SearchIndexResult>;

/**
 * The step's code, loaded before it asks for its request: an index step
 * started early (`buildInProcesses.ts`) is then ready when its request
 * comes. Each step imports only its own modules: the index step's process
 * starts in a fraction of the time.
 */
async function loadStep(step: StepRequest["step"]): Promise<StepRunner> {
  if (step === "index") {
    const { indexSite } = await import("./search/indexSite.ts");
    return (request, pagesDone, onProgress) => {
      if (request.step !== "index") throw new Error(`an index step's process asked for the ${request.step} step`);
      return indexSite(request.siteDir, {
        previousSiteDir: request.outDir,
        linkedPages: request.linkedPages,
        ...(request.besidePages && { besideUntil: pagesDone }),
        onProgress,
      });
    };
  }
  const { buildPages } = await import("./build.ts");
  return async (request, _pagesDone, onProgress) => {
    if (request.step !== "pages") throw new Error(`a pages step's process asked for the ${request.step} step`);
    const report = await buildPages({ ...request.options, onProgress }, request.siteDir, {
      onRenderPlan: (rendering) => send({ kind: "renderPlan", rendering }),
      onRecordPages: (pages) => send({ kind: "recordPages", pages }),
    });
    return {
      articles: report.archive.articles.length,
      files: report.files,
      cachedArticles: report.cachedArticles,
      diagnostics: report.diagnostics,
      pages: report.pages.length,
      reusedPages: report.linkedPages.length,
    };
  };
}

/** The error's message and those of its causes: Eleventy wraps a template's own error. */
function withCauses(error: unknown): string {
  const messages: string[] = [];
  for (let cause: unknown = error; cause !== undefined && messages.length < 5;) {
    messages.push(cause instanceof Error ? cause.message : JSON.stringify(cause));
    cause = cause instanceof Error ? (cause.cause ?? (cause as { originalError?: unknown }).originalError) : undefined;
  }
  return messages.join("\n  caused by: ");
}

try {
  const [parentPid, step] = process.argv.slice(2);
  endWithParent(Number(parentPid));
  const parent = listen();
  const run = await loadStep(step === "index" ? "index" : "pages");
  /** Seconds from this process's start until its step's code is loaded: Node, tsx and the step's modules. */
  const startupSeconds = performance.now() / 1000;
  await send({ kind: "ready" });
  const request = await parent.request;
  // Progress goes to the parent as it comes; the display there must not wait for a step to end.
  const clock = stageClock((progress) => void send({ kind: "progress", progress }).catch(() => undefined));
  const result = await run(request, parent.pagesDone, clock.onProgress);
  await send({
    kind: "done",
    result,
    stages: clock.stop(),
    startupSeconds,
    // resourceUsage().maxRSS is in kilobytes.
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  process.exit(0);
} catch (error) {
  await send({ kind: "failed", message: withCauses(error) }).catch(() => undefined);
  process.exit(1);
}
