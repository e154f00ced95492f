/**
 * The article cache's entry files, written by a worker thread, each aside
 * and renamed (as `replaceFile` does).
 *
 * Why a thread: written through the promise API, each file takes five
 * turns of the event loop (folder, open, write, close, rename). While
 * articles are prepared, the main thread turns once per batch it prepares
 * itself, so the writes fell further and further behind, and the entries
 * waiting piled up: 770 MB at 100,000 articles, written only once ingest
 * was over, and memory the process kept to the end of the build. In the
 * thread each file is written synchronously as soon as it arrives.
 */
import { Worker } from "node:worker_threads";
import { temporaryBeside } from "./replaceFile.ts";

/** One file to write: where, under which temporary name first, and its bytes. */
type FileWrite = readonly [path: string, temporary: string, bytes: Uint8Array];

// Plain JavaScript, evaluated, as the file linker's (`src/fileLinker.ts`):
// the thread needs no TypeScript loader. A write that fails leaves no
// temporary file behind and is not an error: the cache is an optimisation.
// `null` ends the thread, once every write before it is done.
const WRITER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { mkdirSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { dirname } = require("node:path");
parentPort.on("message", (write) => {
  if (write === null) {
    parentPort.postMessage("done");
    parentPort.close();
    return;
  }
  const [path, temporary, bytes] = write;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {}
  }
});
`;

export interface FileWriter {
  /** Queues `bytes` to replace `path` (its folder made first); the bytes are copied, the caller may drop them at once. */
  write(path: string, bytes: Uint8Array): void;
  /** Waits for every queued write, and ends the thread. */
  finish(): Promise<void>;
}

export function startFileWriter(): FileWriter {
  const worker = new Worker(WRITER_SOURCE, { eval: true, execArgv: [] });
  const done = new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the cache's file writer ended (exit ${code}) before it was done`)));
  });
  // Awaited in `finish`; until then a failure must not count as unhandled,
  // nor the thread keep the process alive should the build fail first.
  done.catch(() => undefined);
  worker.unref();
  return {
    write(path, bytes) {
      worker.postMessage([path, temporaryBeside(path), bytes] satisfies FileWrite);
    },
    async finish() {
      worker.ref();
      worker.postMessage(null);
      await done;
    },
  };
}
