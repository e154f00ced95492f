/**
 * Related coverage: for every article, the others on the same story, by
 * TF-IDF cosine similarity of their words.
 *
 * Comparing every pair would cost N² (2·10⁸ pairs for 20,000 articles), so
 * candidates come from an inverted index instead: each article keeps only its
 * `SIGNATURE_TERMS` heaviest discriminating terms, and two articles are
 * candidates when their signatures share a term. Only the best candidates of
 * each article get the exact cosine over their full vectors. The cost grows
 * with N times the length of a posting list, which the common-term cap bounds.
 */
import type { Article } from "../article.ts";
import {
  awaitBlocks,
  scoreClaimedBlocks,
  scoringJob,
  shared,
  topIndices,
  type PairScoringHelper,
  type Postings,
  type ScoringJob,
  type Signatures,
  type Vectors,
} from "./pairScores.ts";
import { sourceKey, TermMemoryWriter, textKey, type TermRecall } from "./termMemory.ts";
import { scanWords, termOf, type WordSink } from "./textTerms.ts";
import { WordTable } from "./wordTable.ts";

export interface RelatedLink {
  /** The related article. */
  readonly id: string;
  /** TF-IDF cosine similarity, 0–1, rounded to 4 decimals. */
  readonly score: number;
  /** The same story saved twice: a later copy, a lightly edited update. */
  readonly nearDuplicate: boolean;
}

export interface RelatedOptions {
  /** Most links per article. @default 5 */
  readonly max?: number;
  /**
   * Minimum cosine to count as related. Read off the CNN corpus: from 0.25
   * up, pairs are mostly one story or its follow-up (the same shooting,
   * strike, storm); 0.2–0.25 is mixed, one story or one subject; below 0.2
   * they mostly share a subject only (two Trump stories, two court cases,
   * two airline stories). 0.2 rather than 0.25 so that the two seed
   * articles, two reports of the same Biden–Netanyahu calls, are related even
   * alone: they score 0.26 by themselves (with N = 2, idf barely rewards
   * shared words) and 0.30 among the CNN articles.
   * @default 0.2
   */
  readonly minScore?: number;
  /**
   * Cosine at or above which two articles are the same story saved twice.
   * Of the 2,402 CNN pairs saved under one headline on different days, 98.5%
   * score 0.9 or more (95% score 0.97 or more: a paragraph added); those under
   * 0.9 were rewritten at length. Pairs over 0.9 with different headlines are
   * the same article retitled as the story developed.
   * @default 0.9
   */
  readonly duplicateScore?: number;
}

export const RELATED_DEFAULTS = { max: 5, minScore: 0.2, duplicateScore: 0.9 } as const satisfies Required<RelatedOptions>;

/** Terms per article used to find candidates; the heaviest say what a story is about. */
const SIGNATURE_TERMS = 40;

/**
 * A term in more articles than this is too common to find candidates with
 * (`president`, `police`): max(50, 5% of the archive). The floor keeps every
 * term usable in a small archive, where document frequency says little.
 */
function commonTermCap(articleCount: number): number {
  return Math.max(50, Math.floor(articleCount * 0.05));
}

/**
 * Candidates per article that get the exact cosine. Signature overlap only
 * approximates the cosine, and copies of one story take a candidate each
 * though they make one link (see `linksOf`), hence the margin over `max`.
 */
const candidateCount = (max: number): number => Math.max(30, 6 * max);

/** A Markdown link's target (`](https://…)`): its words are an address, not the story. */
const LINK_TARGET = /\]\([^)]*\)/g;

/** What an article says. A derived title is the lead cut short: counting it would weigh the lead twice. */
export function relatedText(article: Article): string {
  let text = article.titleSource === "derived" ? "" : article.title;
  for (const block of article.body) text += `\n${block.kind === "paragraph" ? block.text.replace(LINK_TARGET, "]") : block.caption}`;
  return text;
}

interface TermCounts {
  /** Each article's term ids, ascending, and their counts beside them. */
  readonly terms: Int32Array[];
  readonly counts: Int32Array[];
  /** Document frequency, by term id. */
  readonly df: Int32Array;
}

/**
 * Term counts per article, and document frequencies. With `recall`, the
 * terms of a text the last build read are taken from its memory rather
 * than read again, and this build's are handed on.
 */
function countTerms(articles: readonly Article[], recall?: TermRecall): TermCounts {
  const vocabulary = new Map<string, number>();
  /** Term strings by id, for the memory handed on. */
  const words: string[] = [];
  const dfs: number[] = [];
  const tally: number[] = [];
  const idOf = (term: string): number => {
    let id = vocabulary.get(term);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(term, id);
      words.push(term);
      dfs.push(0);
      tally.push(0);
    }
    return id;
  };
  // Word → term id, -1 for a stop word: each distinct word is stemmed once, not at each of its uses.
  const wordIds = new WordTable((word) => {
    const term = termOf(word);
    return term === null ? -1 : idOf(term);
  });
  const previous = recall?.previous ?? null;
  /** The previous memory's term ids → this build's, -1 until met. */
  const known = previous === null ? null : new Int32Array(previous.vocabulary.length).fill(-1);
  const kept = recall === undefined ? null : new TermMemoryWriter();

  const terms: Int32Array[] = [];
  const counts: Int32Array[] = [];
  /** The article's term ids in the order they first appear: ids are given in that order, remembered or read. */
  let seen: number[] = [];
  const use = (id: number) => {
    if (id === -1) return;
    const count = tally[id] ?? 0;
    if (count === 0) seen.push(id);
    tally[id] = count + 1;
  };
  const sink: WordSink = {
    ascii: (text, start, end) => use(wordIds.ascii(text, start, end)),
    word: (word) => use(wordIds.word(word)),
  };
  const sources = recall?.sourceKeys;
  for (const article of articles) {
    seen = [];
    const source = sources?.get(article.id);
    // Made only to be read, or hashed for want of a source key: making and hashing 20,000 took 0.43–0.49 s of every rebuild.
    let text: string | undefined;
    const key = kept === null ? "" : source !== undefined ? sourceKey(source) : textKey((text = relatedText(article)));
    const entry = previous?.entries.get(key);
    if (previous !== null && known !== null && entry !== undefined) {
      for (let k = previous.offsets[entry] ?? 0, end = previous.offsets[entry + 1] ?? 0; k < end; k++) {
        const old = previous.ids[k] ?? 0;
        let id = known[old] ?? -1;
        if (id === -1) id = known[old] = idOf(previous.vocabulary[old] ?? "");
        seen.push(id);
        tally[id] = previous.counts[k] ?? 0;
      }
    } else {
      scanWords(text ?? relatedText(article), sink);
    }
    kept?.add(
      key,
      seen,
      seen.map((id) => tally[id] ?? 0),
    );
    const ids = Int32Array.from(seen).sort();
    const count = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] ?? 0;
      count[k] = tally[id] ?? 0;
      tally[id] = 0;
      dfs[id] = (dfs[id] ?? 0) + 1;
    }
    terms.push(ids);
    counts.push(count);
  }
  if (kept !== null) recall?.keep(kept.finish(words));
  return { terms, counts, df: Int32Array.from(dfs) };
}

/**
 * Sublinear tf (1 + ln tf), so a long article repeating a word does not
 * drown the rest; smoothed idf, ln((1 + N) / (1 + df)) + 1. In shared
 * memory, for the thread that helps score them.
 */
function weigh(articles: readonly Article[], recall?: TermRecall): Vectors {
  const { terms: termsOf, counts, df } = countTerms(articles, recall);
  const idf = Float64Array.from(df, (d) => Math.log((1 + articles.length) / (1 + d)) + 1);
  const offsets = shared(Int32Array, articles.length + 1);
  termsOf.forEach((ids, i) => (offsets[i + 1] = (offsets[i] ?? 0) + ids.length));
  const terms = shared(Int32Array, offsets[articles.length] ?? 0);
  const weights = shared(Float64Array, terms.length);
  termsOf.forEach((ids, i) => {
    const count = counts[i] ?? new Int32Array(0);
    const first = offsets[i] ?? 0;
    terms.set(ids, first);
    let squares = 0;
    for (let k = 0; k < ids.length; k++) {
      const w = (1 + Math.log(count[k] ?? 1)) * (idf[ids[k] ?? 0] ?? 0);
      weights[first + k] = w;
      squares += w * w;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let k = first; k < first + ids.length; k++) weights[k] = (weights[k] ?? 0) / norm;
  });
  return { offsets, terms, weights, df };
}

/**
 * The positions (into each article's terms) of its signature: its heaviest
 * terms that another article has too, but not too many do. Ties by position,
 * i.e. by term id: same input, same signature.
 */
function signatures(vectors: Vectors, cap: number): Signatures {
  const rows = vectors.offsets.length - 1;
  const usable = new Int32Array(vectors.df.length);
  const chosen: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const first = vectors.offsets[i] ?? 0;
    let length = 0;
    for (let k = first, end = vectors.offsets[i + 1] ?? 0; k < end; k++) {
      const df = vectors.df[vectors.terms[k] ?? 0] ?? 0;
      if (df >= 2 && df <= cap) usable[length++] = k - first;
    }
    chosen.push(topIndices(vectors.weights.subarray(first), usable, length, SIGNATURE_TERMS));
  }
  const offsets = shared(Int32Array, rows + 1);
  chosen.forEach((positions, i) => (offsets[i + 1] = (offsets[i] ?? 0) + positions.length));
  const positions = shared(Int32Array, offsets[rows] ?? 0);
  chosen.forEach((list, i) => positions.set(list, offsets[i] ?? 0));
  return { offsets, positions };
}

/** The signature terms' postings, each with its article's weight for the term. */
function invert(vectors: Vectors, signature: Signatures): Postings {
  const rows = vectors.offsets.length - 1;
  const termAt = (i: number, s: number) => (vectors.offsets[i] ?? 0) + (signature.positions[s] ?? 0);
  const start = shared(Int32Array, vectors.df.length + 1);
  for (let i = 0; i < rows; i++) {
    for (let s = signature.offsets[i] ?? 0, end = signature.offsets[i + 1] ?? 0; s < end; s++) {
      const slot = (vectors.terms[termAt(i, s)] ?? 0) + 1;
      start[slot] = (start[slot] ?? 0) + 1;
    }
  }
  for (let t = 1; t < start.length; t++) start[t] = (start[t] ?? 0) + (start[t - 1] ?? 0);
  const next = start.slice(0, -1);
  const docs = shared(Int32Array, start.at(-1) ?? 0);
  const weights = shared(Float64Array, docs.length);
  for (let i = 0; i < rows; i++) {
    for (let s = signature.offsets[i] ?? 0, end = signature.offsets[i + 1] ?? 0; s < end; s++) {
      const term = vectors.terms[termAt(i, s)] ?? 0;
      const at = next[term] ?? 0;
      docs[at] = i;
      weights[at] = vectors.weights[termAt(i, s)] ?? 0;
      next[term] = at + 1;
    }
  }
  return { start, docs, weights };
}

/**
 * Every scored pair: `found[i]` maps each candidate of article `i`, and each
 * article that had `i` as a candidate, to their cosine. A pair found from
 * either side is kept on both, so links are symmetric as far as `max`
 * allows; its score is the one computed from the side that found it first
 * in row order, whichever thread computed it.
 */
function scorePairs(job: ScoringJob): Map<number, number>[] {
  scoreClaimedBlocks(job);
  awaitBlocks(job);
  const rows = job.count.length;
  const found = Array.from({ length: rows }, () => new Map<number, number>());
  for (let i = 0; i < rows; i++) {
    for (let slot = i * job.candidates, end = slot + (job.count[i] ?? 0); slot < end; slot++) {
      const other = job.best[slot] ?? 0;
      if (found[i]?.has(other)) continue;
      const score = job.scores[slot] ?? 0;
      found[i]?.set(other, score);
      found[other]?.set(i, score);
    }
  }
  return found;
}

/**
 * Article `i`'s links, best first, ties by index (articles are in id order).
 * Its own copies are all listed, marked `nearDuplicate`; but of another
 * story saved several times only the best-scoring copy is, so one story
 * saved on four days does not fill four of the `max` places.
 */
function linksOf(
  i: number,
  found: readonly Map<number, number>[],
  ids: readonly string[],
  options: Required<RelatedOptions>,
): RelatedLink[] {
  const ranked = [...(found[i] ?? [])]
    .filter(([, score]) => score >= options.minScore && score > 0)
    .sort(([a, x], [b, y]) => y - x || a - b);
  const links: RelatedLink[] = [];
  const stories: number[] = [];
  for (const [other, score] of ranked) {
    if (links.length >= options.max) break;
    if (ids[other] === ids[i]) continue; // a repeated id would otherwise read as a link to itself
    const nearDuplicate = score >= options.duplicateScore;
    if (!nearDuplicate) {
      if (stories.some((story) => (found[story]?.get(other) ?? 0) >= options.duplicateScore)) continue;
      stories.push(other);
    }
    links.push({ id: ids[other] ?? "", score, nearDuplicate });
  }
  return links;
}

/** Byte order, not locale order, so every machine breaks ties the same way. */
const byId = (a: Article, b: Article) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Related coverage whose pairs are being scored: `finish` scores what is left on this thread and gives the links. */
export interface PendingRelated {
  finish(): Map<string, RelatedLink[]>;
}

/**
 * For every article (keyed by id, every article present, in input order), up
 * to `max` others on the same story, most similar first, ties by id. Never
 * the article itself; an article without words gets an empty list. Ids must
 * be unique, as ingest makes them. The result depends only on the set of
 * articles, not on their order, nor on `recall`: with it, the terms of the
 * texts the last build read come from its memory (`termMemory.ts`); nor on
 * `helper`, a thread that scores pairs beside this one (`pairScores.ts`).
 */
export function findRelated(
  articles: readonly Article[],
  options: RelatedOptions = {},
  recall?: TermRecall,
  helper?: PairScoringHelper,
): Map<string, RelatedLink[]> {
  return startRelated(articles, options, recall, helper).finish();
}

/**
 * `findRelated` in two halves, for a thread with other work: the helper
 * starts scoring the pairs when this returns, and scores alone until
 * `finish` is called, which scores the rest on this thread too. Without a
 * helper, all the scoring is in `finish`.
 */
export function startRelated(
  articles: readonly Article[],
  options: RelatedOptions = {},
  recall?: TermRecall,
  helper?: PairScoringHelper,
): PendingRelated {
  const settings: Required<RelatedOptions> = { ...RELATED_DEFAULTS, ...options };
  const sorted = [...articles].sort(byId);
  const vectors = weigh(sorted, recall);
  const signature = signatures(vectors, commonTermCap(sorted.length));
  const job = scoringJob(vectors, signature, invert(vectors, signature), candidateCount(settings.max));
  helper?.help(job);
  return {
    finish() {
      const found = scorePairs(job);
      const ids = sorted.map((article) => article.id);
      const related = new Map(ids.map((id, i) => [id, linksOf(i, found, ids, settings)]));
      return new Map(articles.map((article) => [article.id, related.get(article.id) ?? []]));
    },
  };
}
