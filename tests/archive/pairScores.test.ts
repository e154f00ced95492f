import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  awaitBlocks,
  BLOCK_ROWS,
  scoreClaimedBlocks,
  scoringJob,
  startPairScoringHelper,
  type PairScoringHelper,
  type Postings,
  type ScoringJob,
  type Signatures,
  type Vectors,
} from "../../src/archive/pairScores.ts";

/** A fixed pseudo-random sequence, so the vectors are the same on every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** `rows` normalised vectors over a small vocabulary, each article's first three terms its signature. */
function inputs(rows: number): { vectors: Vectors; signatures: Signatures; postings: Postings } {
  const random = sequence(7);
  const vocabulary = 60;
  const offsets = new Int32Array(rows + 1);
  const terms: number[] = [];
  const weights: number[] = [];
  const df = new Int32Array(vocabulary);
  for (let i = 0; i < rows; i++) {
    const picked = new Set<number>();
    while (picked.size < 8) picked.add(Math.floor(random() * vocabulary));
    const ids = [...picked].sort((a, b) => a - b);
    const raw = ids.map(() => 0.1 + random());
    const norm = Math.hypot(...raw);
    ids.forEach((id, k) => {
      terms.push(id);
      weights.push((raw[k] ?? 0) / norm);
      df[id] = (df[id] ?? 0) + 1;
    });
    offsets[i + 1] = terms.length;
  }
  const vectors: Vectors = { offsets, terms: Int32Array.from(terms), weights: Float64Array.from(weights), df };
  const signatureOffsets = Int32Array.from({ length: rows + 1 }, (_, i) => 3 * i);
  const positions = Int32Array.from({ length: rows * 3 }, (_, s) => s % 3);
  const start = new Int32Array(vocabulary + 1);
  for (let i = 0; i < rows; i++) for (let k = 0; k < 3; k++) start[(terms[(offsets[i] ?? 0) + k] ?? 0) + 1]! += 1;
  for (let t = 1; t <= vocabulary; t++) start[t]! += start[t - 1] ?? 0;
  const next = start.slice(0, -1);
  const docs = new Int32Array(rows * 3);
  const postingWeights = new Float64Array(rows * 3);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < 3; k++) {
      const term = terms[(offsets[i] ?? 0) + k] ?? 0;
      const at = next[term] ?? 0;
      docs[at] = i;
      postingWeights[at] = weights[(offsets[i] ?? 0) + k] ?? 0;
      next[term] = at + 1;
    }
  }
  return { vectors, signatures: { offsets: signatureOffsets, positions }, postings: { start, docs, weights: postingWeights } };
}

const ROWS = 10 * BLOCK_ROWS + 5;
const CANDIDATES = 6;

function newJob(): ScoringJob {
  const { vectors, signatures, postings } = inputs(ROWS);
  return scoringJob(vectors, signatures, postings, CANDIDATES);
}

/** The slots of a scored job, as plain arrays. */
const results = (job: ScoringJob) => ({ best: [...job.best], scores: [...job.scores], count: [...job.count] });

describe("pair scoring on a helper thread", () => {
  let helper: PairScoringHelper;
  before(async () => {
    helper = startPairScoringHelper();
    await helper.ready;
  });
  after(() => helper.close());

  it("should score on this thread alone: every row, best candidates first, scores the cosine", () => {
    const job = newJob();
    assert.equal(scoreClaimedBlocks(job), Math.ceil(ROWS / BLOCK_ROWS));
    const { offsets, terms, weights } = job.vectors;
    const vector = (i: number) => {
      const map = new Map<number, number>();
      for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) map.set(terms[k] ?? 0, weights[k] ?? 0);
      return map;
    };
    let scored = 0;
    for (let i = 0; i < ROWS; i++) {
      const count = job.count[i] ?? 0;
      assert.ok(count <= CANDIDATES);
      scored += count;
      for (let slot = i * CANDIDATES; slot < i * CANDIDATES + count; slot++) {
        const other = job.best[slot] ?? -1;
        assert.notEqual(other, i);
        let dot = 0;
        for (const [term, weight] of vector(other)) dot += weight * (vector(i).get(term) ?? 0);
        assert.ok(Math.abs((job.scores[slot] ?? 0) - Math.min(1, dot)) < 1e-4, `row ${i}, slot ${slot}`);
      }
    }
    assert.ok(scored > ROWS, "rows have candidates");
  });

  it("should give the same slots when the helper scores every block", () => {
    const here = newJob();
    scoreClaimedBlocks(here);
    const helped = newJob();
    const before = helper.blocksScored();
    helper.help(helped);
    // This thread claims nothing: it only waits, so every block is the helper's.
    awaitBlocks(helped);
    assert.equal(helper.blocksScored() - before, Math.ceil(ROWS / BLOCK_ROWS));
    assert.deepEqual(results(helped), results(here));
  });

  it("should give the same slots when both threads claim blocks", () => {
    const here = newJob();
    scoreClaimedBlocks(here);
    const shared = newJob();
    helper.help(shared);
    scoreClaimedBlocks(shared);
    awaitBlocks(shared);
    assert.deepEqual(results(shared), results(here));
  });

  it("should leave every block to this thread once the helper is closed", async () => {
    const closed = startPairScoringHelper();
    await closed.ready;
    await closed.close();
    const here = newJob();
    scoreClaimedBlocks(here);
    const job = newJob();
    closed.help(job);
    assert.equal(scoreClaimedBlocks(job), Math.ceil(ROWS / BLOCK_ROWS));
    awaitBlocks(job);
    assert.deepEqual(results(job), results(here));
  });

  it("should score on this thread, after a wait, a block a helper claimed and never finished (it died holding it)", () => {
    const here = newJob();
    scoreClaimedBlocks(here);
    const job = newJob();
    // What a helper that died while scoring leaves: the first block claimed, its slots empty, never marked done.
    Atomics.add(job.control, 0, 1);
    assert.equal(scoreClaimedBlocks(job), Math.ceil(ROWS / BLOCK_ROWS) - 1);
    awaitBlocks(job);
    assert.deepEqual(results(job), results(here));
  });
});
