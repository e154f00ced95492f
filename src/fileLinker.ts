/**
 * Hard links from the previous site into the new one, made in a worker
 * thread while the main thread goes on with the build.
 *
 * Why a thread: at 20,000 articles a rebuild links some 30,000 unchanged
 * pages, each in a folder of its own, and some 25,000 files of unchanged
 * search shards. Two system calls a file took 3.5 s of the render step's
 * main thread, one after the other with the hashing that decides them, and
 * 2.5 s of the index step before Pagefind started; on the second core they
 * take none of it. They stay synchronous inside the thread: one thread-pool
 * round trip per call took 15 s for the pages.
 */
import { Worker } from "node:worker_threads";

/** One file to link: where it is in the previous site, where it goes in the new one. */
export type FileLink = readonly [from: string, to: string];

// Plain JavaScript, evaluated: the thread needs no TypeScript loader and
// starts in some 30 ms. A batch of `FileLink`s in, each linked (its folder
// made first), or copied where a link is refused (another disk); `null` asks
// for the targets neither could make, and ends the thread.
const LINKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { copyFileSync, linkSync, mkdirSync } = require("node:fs");
const { dirname } = require("node:path");
const failed = [];
parentPort.on("message", (batch) => {
  if (batch === null) {
    parentPort.postMessage(failed);
    parentPort.close();
    return;
  }
  for (const [from, to] of batch) {
    try {
      mkdirSync(dirname(to), { recursive: true });
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    } catch {
      failed.push(to);
    }
  }
});
`;

export interface FileLinker {
  /** Queues links; they are made in order, in the background. */
  link(batch: readonly FileLink[]): void;
  /** Waits for every queued link; resolves with the targets that could not be made (their source gone). */
  finish(): Promise<string[]>;
}

export function startFileLinker(): FileLinker {
  const worker = new Worker(LINKER_SOURCE, { eval: true, execArgv: [] });
  const failed = new Promise<string[]>((resolve, reject) => {
    worker.once("message", (targets: string[]) => resolve(targets));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the file linker ended (exit ${code}) before it was done`)));
  });
  // Awaited in `finish`; until then a failure must not count as unhandled,
  // nor the thread keep the process alive should the build fail first.
  failed.catch(() => undefined);
  worker.unref();
  return {
    link(batch) {
      if (batch.length > 0) worker.postMessage(batch);
    },
    async finish() {
      worker.ref();
      worker.postMessage(null);
      return failed;
    },
  };
}
