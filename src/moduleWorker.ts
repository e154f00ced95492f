/**
 * A worker thread running one of the project's modules. A worker runs its
 * module as plain Node: `--import tsx` does not reach worker threads, so a
 * TypeScript module is loaded through tsx's API
 * (https://tsx.is/dev-api/register-esm).
 */
import { Worker } from "node:worker_threads";

export function startModuleWorker(module: URL, workerData?: unknown): Worker {
  if (!module.pathname.endsWith(".ts")) return new Worker(module, { workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
