/**
 * One step of a build, in the process `buildInProcesses.ts` forks for it:
 * reads its `StepRequest` from its one argument, sends progress and then
 * its outcome back over the IPC channel (`StepMessage`), and exits. Should
 * the parent die, this process ends too (`endWithParent.ts`).
 */
import { performance } from "node:perf_hooks";
import type { PagesStepResult, StepMessage, StepRequest } from "./buildInProcesses.ts";
import type { ProgressListener } from "./buildProgress.ts";
import type { SearchIndexResult } from "./search/indexArticles.ts";
import { endWithParent } from "./endWithParent.ts";
import { stageClock } from "./stageClock.ts";

/** Seconds from this process's start until its step begins: Node, tsx and the step's modules. */
let startupSeconds = 0;

function send(message: StepMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.send === undefined) reject(new Error("buildStepProcess.ts runs only as a child of buildInProcesses.ts"));
    else process.send(message, (error: Error | null) => (error === null ? resolve() : reject(error)));
  });
}

/** Each step imports only its own modules: the index step's process then starts in a fraction of the time. */
async function run(request: StepRequest, onProgress: ProgressListener): Promise<PagesStepResult | SearchIndexResult> {
  if (request.step === "index") {
    const { indexSite } = await import("./search/indexSite.ts");
    startupSeconds = performance.now() / 1000;
    return indexSite(request.siteDir, { previousSiteDir: request.outDir, onProgress });
  }
  const { buildPages } = await import("./build.ts");
  startupSeconds = performance.now() / 1000;
  const report = await buildPages({ ...request.options, onProgress }, request.siteDir);
  return {
    articles: report.archive.articles.length,
    files: report.files,
    cachedArticles: report.cachedArticles,
    diagnostics: report.diagnostics,
    pages: report.pages.length,
    reusedPages: report.reusedPages,
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
  const request = JSON.parse(process.argv[2] ?? "") as StepRequest;
  endWithParent(request.parent);
  // Progress goes to the parent as it comes; the display there must not wait for a step to end.
  const clock = stageClock((progress) => void send({ kind: "progress", progress }).catch(() => undefined));
  const result = await run(request, clock.onProgress);
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
