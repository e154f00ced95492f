/**
 * A worker thread of `PrepareWorkers`: prepares the batches of seeds it is
 * sent and posts back the results, in order.
 */
import { parentPort } from "node:worker_threads";
import type { IngestOptions } from "../ingest/ingestOptions.ts";
import type { RawSeed } from "../ingest/rawSeed.ts";
import { prepareSeed, type PreparedSeed } from "./prepareSeed.ts";

export interface PrepareTask {
  readonly seeds: readonly RawSeed[];
  readonly options: IngestOptions;
}

export type PrepareReply = { readonly results: readonly PreparedSeed[] } | { readonly error: string };

parentPort?.on("message", ({ seeds, options }: PrepareTask) => {
  let reply: PrepareReply;
  try {
    reply = { results: seeds.map((seed) => prepareSeed(seed, options)) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
