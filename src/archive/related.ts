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
import { TermMemoryWriter, textKey, type TermRecall } from "./termMemory.ts";
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

/** Sparse, L2-normalised TF-IDF vectors: `terms[i]` ascending term ids, `weights[i]` parallel to it. */
interface Vectors {
  readonly terms: readonly Int32Array[];
  readonly weights: readonly Float64Array[];
  /** Document frequency, by term id. */
  readonly df: Int32Array;
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
  for (const article of articles) {
    seen = [];
    const text = relatedText(article);
    const key = kept === null ? "" : textKey(text);
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
      scanWords(text, sink);
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

/** Sublinear tf (1 + ln tf), so a long article repeating a word does not drown the rest; smoothed idf, ln((1 + N) / (1 + df)) + 1. */
function weigh(articles: readonly Article[], recall?: TermRecall): Vectors {
  const { terms, counts, df } = countTerms(articles, recall);
  const idf = Float64Array.from(df, (d) => Math.log((1 + articles.length) / (1 + d)) + 1);
  const weights = terms.map((ids, i) => {
    const count = counts[i] ?? new Int32Array(0);
    const vector = new Float64Array(ids.length);
    let squares = 0;
    for (let k = 0; k < ids.length; k++) {
      const w = (1 + Math.log(count[k] ?? 1)) * (idf[ids[k] ?? 0] ?? 0);
      vector[k] = w;
      squares += w * w;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let k = 0; k < vector.length; k++) vector[k] = (vector[k] ?? 0) / norm;
    return vector;
  });
  return { terms, weights, df };
}

/**
 * The `count` best of `items[0 .. length)`, which index `keys`: higher key
 * first, ties by lower index. Insertion into a short sorted list: once it is
 * full most items lose to its last entry at once, so this stays close to one
 * pass where sorting every item would not.
 */
function topIndices(keys: Float64Array, items: Int32Array, length: number, count: number): number[] {
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

/**
 * The positions (into `terms[i]`) of each article's signature: its heaviest
 * terms that another article has too, but not too many do. Ties by position,
 * i.e. by term id: same input, same signature.
 */
function signatures(vectors: Vectors, cap: number): Int32Array[] {
  const usable = new Int32Array(vectors.df.length);
  return vectors.terms.map((ids, i) => {
    let length = 0;
    for (let k = 0; k < ids.length; k++) {
      const df = vectors.df[ids[k] ?? 0] ?? 0;
      if (df >= 2 && df <= cap) usable[length++] = k;
    }
    return Int32Array.from(topIndices(vectors.weights[i] ?? new Float64Array(0), usable, length, SIGNATURE_TERMS));
  });
}

/** Inverted index over signatures, in compressed rows: the postings of term `t` are `docs[start[t] .. start[t + 1])`. */
interface Postings {
  readonly start: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

function invert(vectors: Vectors, signature: readonly Int32Array[]): Postings {
  const start = new Int32Array(vectors.df.length + 1);
  signature.forEach((positions, i) => {
    for (const k of positions) {
      const slot = (vectors.terms[i]?.[k] ?? 0) + 1;
      start[slot] = (start[slot] ?? 0) + 1;
    }
  });
  for (let t = 1; t < start.length; t++) start[t] = (start[t] ?? 0) + (start[t - 1] ?? 0);
  const next = start.slice(0, -1);
  const docs = new Int32Array(start.at(-1) ?? 0);
  const weights = new Float64Array(docs.length);
  signature.forEach((positions, i) => {
    for (const k of positions) {
      const term = vectors.terms[i]?.[k] ?? 0;
      const at = next[term] ?? 0;
      docs[at] = i;
      weights[at] = vectors.weights[i]?.[k] ?? 0;
      next[term] = at + 1;
    }
  });
  return { start, docs, weights };
}

/**
 * Every scored pair: `found[i]` maps each candidate of article `i`, and each
 * article that had `i` as a candidate, to their cosine. A pair found from
 * either side is kept on both, so links are symmetric as far as `max` allows.
 */
function scorePairs(vectors: Vectors, signature: readonly Int32Array[], postings: Postings, candidates: number): Map<number, number>[] {
  const n = vectors.terms.length;
  const found = Array.from({ length: n }, () => new Map<number, number>());
  const overlap = new Float64Array(n);
  const touched = new Int32Array(n);
  const dense = new Float64Array(vectors.df.length);
  for (let i = 0; i < n; i++) {
    const terms = vectors.terms[i] ?? new Int32Array(0);
    const weights = vectors.weights[i] ?? new Float64Array(0);
    // Signature overlap: the cosine over signature terms only, accumulated from the postings.
    let length = 0;
    for (const k of signature[i] ?? []) {
      const term = terms[k] ?? 0;
      const w = weights[k] ?? 0;
      for (let p = postings.start[term] ?? 0, end = postings.start[term + 1] ?? 0; p < end; p++) {
        const doc = postings.docs[p] ?? 0;
        if (doc === i) continue;
        if (overlap[doc] === 0) touched[length++] = doc;
        overlap[doc] = (overlap[doc] ?? 0) + w * (postings.weights[p] ?? 0);
      }
    }
    const best = topIndices(overlap, touched, length, candidates);
    for (let k = 0; k < length; k++) overlap[touched[k] ?? 0] = 0;

    // The exact cosine of the best, over full vectors: article i's spread out densely, the other's walked.
    for (let k = 0; k < terms.length; k++) dense[terms[k] ?? 0] = weights[k] ?? 0;
    for (const other of best) {
      if (found[i]?.has(other)) continue;
      const otherTerms = vectors.terms[other] ?? new Int32Array(0);
      const otherWeights = vectors.weights[other] ?? new Float64Array(0);
      let dot = 0;
      for (let k = 0; k < otherTerms.length; k++) dot += (dense[otherTerms[k] ?? 0] ?? 0) * (otherWeights[k] ?? 0);
      const score = Math.min(1, Math.round(dot * 1e4) / 1e4);
      found[i]?.set(other, score);
      found[other]?.set(i, score);
    }
    for (const term of terms) dense[term] = 0;
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

/**
 * For every article (keyed by id, every article present, in input order), up
 * to `max` others on the same story, most similar first, ties by id. Never
 * the article itself; an article without words gets an empty list. Ids must
 * be unique, as ingest makes them. The result depends only on the set of
 * articles, not on their order, nor on `recall`: with it, the terms of the
 * texts the last build read come from its memory (`termMemory.ts`).
 */
export function findRelated(articles: readonly Article[], options: RelatedOptions = {}, recall?: TermRecall): Map<string, RelatedLink[]> {
  const settings: Required<RelatedOptions> = { ...RELATED_DEFAULTS, ...options };
  const sorted = [...articles].sort(byId);
  const vectors = weigh(sorted, recall);
  const signature = signatures(vectors, commonTermCap(sorted.length));
  const found = scorePairs(vectors, signature, invert(vectors, signature), candidateCount(settings.max));
  const ids = sorted.map((article) => article.id);
  const related = new Map(ids.map((id, i) => [id, linksOf(i, found, ids, settings)]));
  return new Map(articles.map((article) => [article.id, related.get(article.id) ?? []]));
}
