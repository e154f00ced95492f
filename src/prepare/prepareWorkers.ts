/**
 * Worker threads that prepare seeds (`prepareWorker.ts`), so that parsing
 * and entity extraction use every core. Batches go to the workers with
 * room for them; each batch's results come back in the order of its seeds.
 */
import type { Worker } from "node:worker_threads";
import { startModuleWorker } from "../moduleWorker.ts";
import type { IngestOptions } from "../ingest/ingestOptions.ts";
import type { RawSeed } from "../ingest/rawSeed.ts";
import type { PreparedSeed } from "./prepareSeed.ts";
import type { PrepareReply, PrepareTask } from "./prepareWorker.ts";

/** A worker thread failed: the message and stack of the error inside it. */
export class PrepareWorkerError extends Error {
  override readonly name = "PrepareWorkerError";
}

interface Job {
  readonly seeds: readonly RawSeed[];
  readonly resolve: (results: readonly PreparedSeed[]) => void;
  readonly reject: (error: Error) => void;
}

const WORKER = new URL("./prepareWorker.ts", import.meta.url);

/**
 * Batches in flight per worker: the next one waits in the worker's queue,
 * so it never idles while this thread, busy preparing too, has not yet
 * read its last reply.
 */
const DEPTH = 2;

export class PrepareWorkers {
  /** Each worker with the jobs posted to it, oldest first: a worker replies in order. */
  readonly #posted = new Map<Worker, Job[]>();
  readonly #queue: Job[] = [];
  readonly #options: IngestOptions;
  #failure: Error | null = null;

  constructor(size: number, options: IngestOptions) {
    this.#options = options;
    for (let index = 0; index < size; index += 1) {
      const worker = startModuleWorker(WORKER);
      worker.on("message", (reply: PrepareReply) => this.#settle(worker, reply));
      worker.on("error", (error) => this.#fail(new PrepareWorkerError(`a preparing worker failed: ${error.message}`, { cause: error })));
      worker.on("exit", (code) => {
        if ((this.#posted.get(worker)?.length ?? 0) > 0)
          this.#fail(new PrepareWorkerError(`a preparing worker stopped (exit code ${code})`));
      });
      this.#posted.set(worker, []);
    }
  }

  /** The seeds' prepared articles, in order. */
  prepare(seeds: readonly RawSeed[]): Promise<readonly PreparedSeed[]> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#queue.push({ seeds, resolve, reject });
      this.#post();
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.#posted.keys()].map((worker) => worker.terminate()));
  }

  #post(): void {
    for (const [worker, jobs] of this.#posted) {
      while (jobs.length < DEPTH && this.#queue.length > 0) {
        const job = this.#queue.shift() as Job;
        jobs.push(job);
        worker.postMessage({ seeds: job.seeds, options: this.#options } satisfies PrepareTask);
      }
    }
  }

  #settle(worker: Worker, reply: PrepareReply): void {
    const job = this.#posted.get(worker)?.shift();
    if ("error" in reply) job?.reject(new PrepareWorkerError(reply.error));
    else job?.resolve(reply.results);
    this.#post();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const jobs of this.#posted.values()) for (const job of jobs.splice(0)) job.reject(error);
    for (const job of this.#queue.splice(0)) job.reject(error);
  }
}
