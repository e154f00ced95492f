/**
 * The costly half of related coverage (`related.ts`): for each article, its
 * best candidates by signature overlap, and their exact cosine. Rows are
 * independent, so they are scored in blocks that this thread and, when
 * given one, a helper thread (`pairScoreWorker.ts`) claim in turn from
 * shared memory: at 20,000 articles scoring took 2.0 s of a rebuild on
 * one core. The scores land in fixed slots, and `related.ts` reads them
 * back in row order, so the result is the same whichever thread scored a
 * row.
 */
import { startModuleWorker } from "../moduleWorker.ts";

/** Sparse, L2-normalised TF-IDF vectors, flat: article `i`'s terms are `terms[offsets[i] .. offsets[i + 1])`, ascending, `weights` parallel. */
export interface Vectors {
  readonly offsets: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Float64Array;
  /** Document frequency, by term id. */
  readonly df: Int32Array;
}

/** Each article's signature, flat: positions into its terms, `positions[offsets[i] .. offsets[i + 1])`. */
export interface Signatures {
  readonly offsets: Int32Array;
  readonly positions: Int32Array;
}

/** Inverted index over signatures, in compressed rows: the postings of term `t` are `docs[start[t] .. start[t + 1])`. */
export interface Postings {
  readonly start: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

/** Everything a thread needs to score rows, in shared memory, and where the scores go. */
export interface ScoringJob {
  readonly vectors: Vectors;
  readonly signatures: Signatures;
  readonly postings: Postings;
  /** Candidates scored per article. */
  readonly candidates: number;
  /** Article `i`'s candidates are `best[i * candidates .. i * candidates + count[i])`, best first; `scores` parallel. */
  readonly best: Int32Array;
  readonly scores: Float64Array;
  readonly count: Int32Array;
  /** `[next block to claim, then each block's state]`: `DONE` once its rows are scored. */
  readonly control: Int32Array;
}

/** Rows per block: small enough that the two threads finish close together, large enough that claiming costs nothing. */
export const BLOCK_ROWS = 64;
const NEXT = 0;
const DONE = 1;

/** Shared memory of `length` elements of `type`, zeroed. */
export function shared<T extends Int32Array | Float64Array>(
  type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT));
}

/** A job over `vectors`, with its results' slots and controls allocated. */
export function scoringJob(vectors: Vectors, signatures: Signatures, postings: Postings, candidates: number): ScoringJob {
  const rows = vectors.offsets.length - 1;
  return {
    vectors,
    signatures,
    postings,
    candidates,
    best: shared(Int32Array, rows * candidates),
    scores: shared(Float64Array, rows * candidates),
    count: shared(Int32Array, rows),
    control: shared(Int32Array, 1 + Math.ceil(rows / BLOCK_ROWS)),
  };
}

/**
 * The `count` best of `items[0 .. length)`, which index `keys`: higher key
 * first, ties by lower index. Insertion into a short sorted list: once it is
 * full most items lose to its last entry at once, so this stays close to one
 * pass where sorting every item would not.
 */
export function topIndices(keys: Float64Array, items: Int32Array, length: number, count: number): number[] {
  const top: number[] = [];
  for (let k = 0; k < length; k++) {
    const item = items[k] ?? 0;
    const key = keys[item] ?? 0;
    let at = top.length;
    for (; at > 0; at--) {
      const other = top[at - 1] ?? 0;
      const otherKey = keys[other] ?? 0;
      if (key < otherKey || (key === otherKey && item > other)) break;
    }
    if (at >= count) continue;
    top.splice(at, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

/** A thread's working arrays, reused from row to row. */
interface Scratch {
  readonly overlap: Float64Array;
  readonly touched: Int32Array;
  readonly dense: Float64Array;
}

function scratchFor(job: ScoringJob): Scratch {
  const rows = job.vectors.offsets.length - 1;
  return { overlap: new Float64Array(rows), touched: new Int32Array(rows), dense: new Float64Array(job.vectors.df.length) };
}

/** Scores rows `from .. to` of `job` into their slots. */
function scoreRows(job: ScoringJob, from: number, to: number, { overlap, touched, dense }: Scratch): void {
  const { offsets, terms, weights } = job.vectors;
  const { start, docs, weights: postingWeights } = job.postings;
  for (let i = from; i < to; i++) {
    const first = offsets[i] ?? 0;
    const end = offsets[i + 1] ?? 0;
    // Signature overlap: the cosine over signature terms only, accumulated from the postings.
    let length = 0;
    for (let s = job.signatures.offsets[i] ?? 0, last = job.signatures.offsets[i + 1] ?? 0; s < last; s++) {
      const k = first + (job.signatures.positions[s] ?? 0);
      const term = terms[k] ?? 0;
      const w = weights[k] ?? 0;
      for (let p = start[term] ?? 0, stop = start[term + 1] ?? 0; p < stop; p++) {
        const doc = docs[p] ?? 0;
        if (doc === i) continue;
        if (overlap[doc] === 0) touched[length++] = doc;
        overlap[doc] = (overlap[doc] ?? 0) + w * (postingWeights[p] ?? 0);
      }
    }
    const best = topIndices(overlap, touched, length, job.candidates);
    for (let k = 0; k < length; k++) overlap[touched[k] ?? 0] = 0;

    // The exact cosine of the best, over full vectors: article i's spread out densely, the other's walked.
    for (let k = first; k < end; k++) dense[terms[k] ?? 0] = weights[k] ?? 0;
    best.forEach((other, slot) => {
      let dot = 0;
      for (let k = offsets[other] ?? 0, stop = offsets[other + 1] ?? 0; k < stop; k++)
        dot += (dense[terms[k] ?? 0] ?? 0) * (weights[k] ?? 0);
      job.best[i * job.candidates + slot] = other;
      job.scores[i * job.candidates + slot] = Math.min(1, Math.round(dot * 1e4) / 1e4);
    });
    job.count[i] = best.length;
    for (let k = first; k < end; k++) dense[terms[k] ?? 0] = 0;
  }
}

/**
 * Scores the blocks this thread claims until none is left, each marked
 * `DONE` and its waiter woken; `counted` is told of each before its mark.
 * Returns how many it scored.
 */
export function scoreClaimedBlocks(job: ScoringJob, counted?: () => void): number {
  const rows = job.vectors.offsets.length - 1;
  const blocks = job.control.length - 1;
  const scratch = scratchFor(job);
  let scored = 0;
  for (let block = Atomics.add(job.control, NEXT, 1); block < blocks; block = Atomics.add(job.control, NEXT, 1)) {
    scoreRows(job, block * BLOCK_ROWS, Math.min(rows, (block + 1) * BLOCK_ROWS), scratch);
    counted?.();
    Atomics.store(job.control, 1 + block, DONE);
    Atomics.notify(job.control, 1 + block);
    scored += 1;
  }
  return scored;
}

/**
 * How long this thread waits on a block the worker claimed before scoring
 * it itself: a block takes milliseconds, so only a worker that died holds
 * one this long. Scoring it twice is harmless: both write the same values.
 */
const CLAIMED_WAIT_MS = 5_000;

/** Waits for every block to be `DONE`, scoring on this thread any the worker holds too long. */
export function awaitBlocks(job: ScoringJob): void {
  const rows = job.vectors.offsets.length - 1;
  let scratch: Scratch | null = null;
  for (let block = 0; block < job.control.length - 1; block++) {
    if (Atomics.load(job.control, 1 + block) === DONE) continue;
    if (Atomics.wait(job.control, 1 + block, 0, CLAIMED_WAIT_MS) === "timed-out" && Atomics.load(job.control, 1 + block) !== DONE) {
      scratch ??= scratchFor(job);
      scoreRows(job, block * BLOCK_ROWS, Math.min(rows, (block + 1) * BLOCK_ROWS), scratch);
    }
  }
}

/** A worker thread that scores blocks of the jobs it is given, beside the thread that gives them. */
export interface PairScoringHelper {
  /** Settles once the thread has loaded and listens (or has failed: its blocks are then scored without it). */
  readonly ready: Promise<void>;
  /** Blocks it has scored, over all jobs: each counted before it is marked `DONE`. */
  readonly blocksScored: () => number;
  /** Hands it a job; the giving thread then scores and awaits the blocks (`scoreClaimedBlocks`, `awaitBlocks`). */
  readonly help: (job: ScoringJob) => void;
  readonly close: () => Promise<void>;
}

/** What the helper thread is started with. */
export interface HelperData {
  /** `[blocks scored]`, shared. */
  readonly scored: Int32Array;
}

/** Starts a helper: its modules load (some 0.3 s) on another core while this thread goes on. It runs until closed. */
export function startPairScoringHelper(): PairScoringHelper {
  const data: HelperData = { scored: shared(Int32Array, 1) };
  const worker = startModuleWorker(new URL("./pairScoreWorker.ts", import.meta.url), data);
  const ready = new Promise<void>((resolve) => {
    worker.once("message", () => resolve());
    // A helper that fails costs time, not results: `awaitBlocks` scores what it held.
    worker.once("error", () => resolve());
    worker.once("exit", () => resolve());
  });
  return {
    ready,
    blocksScored: () => Atomics.load(data.scored, 0),
    help: (job) => worker.postMessage(job),
    close: async () => void (await worker.terminate()),
  };
}
