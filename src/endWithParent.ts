/**
 * Ends this process when the process that started it dies: a build's step
 * process must not go on writing into a staged site that nobody will swap
 * in. Its main thread can be busy for seconds at a time (an Eleventy batch,
 * a run of articles), too long to wait for the IPC channel's `disconnect`
 * event (3–7 s, measured); a worker thread watches instead, and kills the
 * process outright: what it was writing is thrown away anyway.
 */
import { Worker } from "node:worker_threads";

const WATCHER = `
const { workerData } = require("node:worker_threads");
setInterval(() => {
  if (process.ppid !== workerData.parent) process.kill(process.pid, "SIGKILL");
}, workerData.intervalMs);
`;

/**
 * `parent` is the pid the parent gave: this process's own `ppid` read now
 * would already be its new parent's, had the parent died while this one
 * was loading its modules.
 */
export function endWithParent(parent: number, intervalMs = 100): void {
  new Worker(WATCHER, { eval: true, workerData: { parent, intervalMs } }).unref();
}
