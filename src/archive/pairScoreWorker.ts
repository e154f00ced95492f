/**
 * The helper thread of `pairScores.ts`: says it is ready, then scores the
 * blocks of each job it is given that it claims before the giving thread
 * does, and counts them.
 */
import { parentPort, workerData } from "node:worker_threads";
import { scoreClaimedBlocks, type HelperData, type ScoringJob } from "./pairScores.ts";

const { scored } = workerData as HelperData;
parentPort?.on("message", (job: ScoringJob) => scoreClaimedBlocks(job, () => Atomics.add(scored, 0, 1)));
parentPort?.postMessage("ready");
