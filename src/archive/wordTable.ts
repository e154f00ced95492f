/**
 * Words → numbers (term ids), looked up straight from the text they are
 * read in. An archive's words are mostly repeats: 20,000 articles hold
 * some 10 million words but a few hundred thousand distinct ones. Making a
 * string of each use, then hashing it for a `Map`, took longer than reading
 * the text, and left the garbage collector 10 million strings; here a word
 * becomes a string only the first time it is seen.
 *
 * An open-addressing hash table over the words' lowercased UTF-16 code
 * units (FNV-1a), compared against the text character by character.
 */

/** What a word not seen before stands for; called once per distinct word. */
export type WordValue = (word: string) => number;

const EMPTY = -1;
/** Grows past this share of slots in use. */
const MAX_LOAD = 0.5;

/** Lowercase for ASCII letters; other code units as they are. */
const lower = (code: number): number => (code >= 0x41 && code <= 0x5a ? code + 32 : code);

export class WordTable {
  #slots: Int32Array;
  #hashes: Int32Array = new Int32Array(0);
  #values: number[] = [];
  #words: string[] = [];
  readonly #valueOf: WordValue;

  constructor(valueOf: WordValue, capacity = 1 << 16) {
    this.#valueOf = valueOf;
    this.#slots = new Int32Array(capacity).fill(EMPTY);
  }

  /** Distinct words seen so far. */
  get size(): number {
    return this.#words.length;
  }

  /** The value of the ASCII word `text.slice(start, end)`, lowercased. */
  ascii(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ lower(text.charCodeAt(i)), 0x01000193);
    const length = end - start;
    const slots = this.#slots;
    const hashes = this.#hashes;
    const words = this.#words;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] ?? EMPTY;
      if (entry === EMPTY) return this.#add(slot, hash, text.slice(start, end).toLowerCase());
      if (hashes[entry] !== hash) continue;
      const word = words[entry] ?? "";
      if (word.length !== length) continue;
      let k = 0;
      while (k < length && word.charCodeAt(k) === lower(text.charCodeAt(start + k))) k++;
      if (k === length) return this.#values[entry] ?? EMPTY;
    }
  }

  /** The value of a word already lowercased. */
  word(word: string): number {
    return this.ascii(word, 0, word.length);
  }

  #add(slot: number, hash: number, word: string): number {
    const entry = this.#words.length;
    const value = this.#valueOf(word);
    this.#words.push(word);
    this.#values.push(value);
    if (entry >= this.#hashes.length) {
      const hashes = new Int32Array(Math.max(1024, this.#hashes.length * 2));
      hashes.set(this.#hashes);
      this.#hashes = hashes;
    }
    this.#hashes[entry] = hash;
    this.#slots[slot] = entry;
    if (this.#words.length > this.#slots.length * MAX_LOAD) this.#grow();
    return value;
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.#words.length; entry++) {
      let slot = (this.#hashes[entry] ?? 0) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.#slots = slots;
  }
}
