/**
 * Keeps the build's heap near what it holds alive. Each render batch and
 * each search shard leaves hundreds of MB of garbage behind; V8, with
 * gigabytes of heap to grow into, would keep it through several batches:
 * resident memory the process never gives back, and beside the index step
 * the Pagefind indexers need the room.
 * A full collection costs about a second per GB alive, so it runs only once
 * the heap has grown by an allowance since the last one.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Heap a stage may leave behind before it is collected. */
export const GARBAGE_ALLOWED = 512 * 1024 * 1024;

export interface HeapGuard {
  /** Collects when the heap has grown by more than the allowance since the last collection. */
  check(): void;
}

export function heapGuard(allowed = GARBAGE_ALLOWED): HeapGuard {
  let baseline = process.memoryUsage().heapUsed;
  return {
    check() {
      if (process.memoryUsage().heapUsed <= baseline + allowed) return;
      collectGarbage();
      baseline = process.memoryUsage().heapUsed;
    },
  };
}
