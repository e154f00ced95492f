/**
 * Keeps the build's heap near what it holds alive. Each render batch and
 * each search shard leaves hundreds of MB of garbage behind; V8, with
 * gigabytes of heap to grow into, would keep it through several batches:
 * resident memory the process never gives back, and beside the index step
 * the Pagefind indexers need the room.
 * A full collection costs about a second per GB alive, so it runs only once
 * the heap has grown by an allowance since the last one: a quarter of what
 * was alive after it, between 256 and 512 MB.
 *
 * At 20,000 articles (about 750 MB alive in render) the build peaked at
 * 1,910 MB with a flat 512 MB and at 1,699 MB with 320 MB, render taking no
 * longer (`npm run bench`); 256 MB took the pages step's peak from 1,570 to
 * 1,443 MB, in the same time (a first render with every article cached,
 * two runs each; a cold build adds what its ingest leaves, 200–300 MB).
 * At 100,000 (3.2 GB alive) a collection takes
 * some 3 s: the allowance grows with the heap, so that collections stay a
 * small share of the time.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const MB = 1024 * 1024;

/** Heap a stage may leave behind before it is collected, given what is alive. */
function garbageAllowed(alive: number): number {
  return Math.min(512 * MB, Math.max(256 * MB, alive / 4));
}

export interface HeapGuard {
  /** Collects when the heap has grown by more than the allowance since the last collection. */
  check(): void;
  /** Collects now: what earlier stages left behind goes before this one adds to it. */
  collect(): void;
}

export function heapGuard(): HeapGuard {
  let baseline = process.memoryUsage().heapUsed;
  const collect = () => {
    collectGarbage();
    baseline = process.memoryUsage().heapUsed;
  };
  return {
    check() {
      if (process.memoryUsage().heapUsed > baseline + garbageAllowed(baseline)) collect();
    },
    collect,
  };
}
