/**
 * Each article's index terms and their counts, kept from one build of the
 * related coverage (`related.ts`) to the next, under the cache key the
 * article's record was read under (`sourceKey`), or else the hash of the
 * text they were read from (`textKey`): reading 20,000 articles into terms
 * took 3 s of every rebuild, however small the change; looking them up
 * takes a few hundredths of that.
 *
 * The terms are ids into the memory's own vocabulary, each article's in the
 * order they first appear in its text, so that the build numbers the terms
 * exactly as it would reading the texts again: same ids, same signatures,
 * same related articles (tests/archive/related.test.ts).
 *
 * Kept in the build's cache folder by `src/prepare/termMemoryCache.ts`.
 */
import { createHash } from "node:crypto";

export interface TermMemory {
  /** Term strings, by id. */
  readonly vocabulary: readonly string[];
  /** Each text's key (`sourceKey`, else `textKey`) → its position in `offsets`. */
  readonly entries: ReadonlyMap<string, number>;
  /** The terms of entry `n` are `ids[offsets[n] .. offsets[n + 1])`, first appearance first, `counts` beside them. */
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly counts: Int32Array;
}

/** A text's key in the memory, for an article without a source key. */
export function textKey(text: string): string {
  return createHash("sha1").update(text).digest("base64");
}

/** Builds a memory entry by entry; ids are the vocabulary's as given. */
export class TermMemoryWriter {
  readonly #keys: string[] = [];
  readonly #added = new Set<string>();
  readonly #offsets: number[] = [0];
  #ids: number[] = [];
  #counts: number[] = [];

  /** Adds a text's terms; a text already added (the same story saved twice) is kept once. */
  add(key: string, ids: ArrayLike<number>, counts: ArrayLike<number>): void {
    if (this.#added.has(key)) return;
    this.#added.add(key);
    this.#keys.push(key);
    for (let k = 0; k < ids.length; k++) {
      this.#ids.push(ids[k] ?? 0);
      this.#counts.push(counts[k] ?? 0);
    }
    this.#offsets.push(this.#ids.length);
  }

  finish(vocabulary: readonly string[]): TermMemory {
    return {
      vocabulary,
      entries: new Map(this.#keys.map((key, index) => [key, index])),
      offsets: Int32Array.from(this.#offsets),
      ids: Int32Array.from(this.#ids),
      counts: Int32Array.from(this.#counts),
    };
  }
}

/** What a build of the related coverage remembers from the last (`previous`), and hands on for the next (`keep`). */
export interface TermRecall {
  readonly previous: TermMemory | null;
  keep(memory: TermMemory): void;
  /**
   * What each article's record was made from, by id (`PreparedFolder.sourceKeys`):
   * an article with one is kept under it (`sourceKey`), so that finding its
   * terms needs neither its text nor a hash of it. @default none
   */
  readonly sourceKeys?: ReadonlyMap<string, string>;
}

/**
 * The memory's key for an article made from the cache key `key`. The record
 * is a function of that key, and so is its text; the memory's version
 * covers the code that reads terms from the text (termMemoryCache.ts).
 */
export function sourceKey(key: string): string {
  return `source:${key}`;
}
