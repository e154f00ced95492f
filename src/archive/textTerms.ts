/**
 * Text → index terms, for comparing articles by the words they use (see
 * `findRelated`). Not for display: terms are lowercased, stemmed and
 * stripped of words that say nothing about a story.
 *
 * Two steps, so a caller indexing many texts can remember each distinct
 * word's term instead of stemming it again: `scanWords` (or `textWords`)
 * finds the words, `termOf` turns one into a term or drops it. `textTerms`
 * does both.
 */

/**
 * Words too common in English news to tell one story from another. Kept short
 * on purpose: TF-IDF already gives every common word a small weight, and
 * `findRelated` ignores terms found in too many articles; this list only
 * removes the words of grammar, so they never take a place in an article's
 * signature in a small archive where document frequency says little.
 * Words shorter than `MIN_TERM_LENGTH` are dropped anyway and not listed;
 * neither are the tails of contractions (`’s`, `’ll`). The `n’t` forms are
 * listed by what is left of them (`didn`), except `won`, a word of its own.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  `about above after again against all also among and another any are around because been before
  being below between both but can could did does doing down during each even ever every few for
  from further had has have having her here hers herself him himself his how however into its
  itself just last least made make many may might more most much must near not now off often once
  one only other others our ours ourselves out over own per rather said same says see seen she
  should since some such than that the their theirs them themselves then there these they this
  those though through too two under until upon very was way well were what when where whether
  which while who whom whose why will with within without would yet you your yours yourself
  yourselves according told new say
  aren couldn didn doesn don hadn hasn haven isn mustn needn shan shouldn wasn weren wouldn`.split(/\s+/),
);

/** Shorter words (`a`, `of`, `US`, `5`, the `s` of `Biden’s`) are dropped: grammar, or too ambiguous to link stories. */
export const MIN_TERM_LENGTH = 3;

/** A word: letters (with their combining marks, so scripts such as Devanagari stay whole) or digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Could this code unit be part of a word? ASCII letters and digits, and any
 * non-ASCII character but General Punctuation (U+2000–U+206F: curly quotes,
 * dashes; none is a letter or digit). A run holding non-ASCII is then split
 * exactly with `WORD`. Scanning by hand instead of matching `WORD` over the
 * whole text makes tokenising several times faster: Unicode property classes
 * are slow in V8, and no string is made for a word too short to keep.
 */
function maybeWord(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return code < 0x2000 || code > 0x206f;
}

/** Receives the words of a text as `scanWords` finds them. */
export interface WordSink {
  /** An ASCII word: `text.slice(start, end)`, lowercased. */
  ascii(text: string, start: number, end: number): void;
  /** A word found in text outside ASCII, already normalised and lowercased. */
  word(word: string): void;
}

/**
 * The words of `text` of at least `MIN_TERM_LENGTH` characters, in reading
 * order, repeats kept, handed to `sink`. Words are runs of Unicode letters
 * and digits; text outside ASCII is NFKC-normalised first, so look-alike
 * forms (full-width letters, ligatures) match their plain spelling. An
 * ASCII word is handed over as its place in `text`, so that a caller that
 * has seen it before need not make a string of it.
 */
export function scanWords(text: string, sink: WordSink): void {
  let start = 0;
  let ascii = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (maybeWord(code)) {
      if (code >= 0x80) ascii = false;
      continue;
    }
    if (ascii) {
      if (i - start >= MIN_TERM_LENGTH) sink.ascii(text, start, i);
    } else {
      for (const word of text.slice(start, i).normalize("NFKC").toLowerCase().match(WORD) ?? [])
        if (word.length >= MIN_TERM_LENGTH) sink.word(word);
    }
    start = i + 1;
    ascii = true;
  }
}

/** The lowercased words of `text`, as `scanWords` finds them. */
export function textWords(text: string): string[] {
  const words: string[] = [];
  scanWords(text, {
    ascii: (source, start, end) => words.push(source.slice(start, end).toLowerCase()),
    word: (word) => words.push(word),
  });
  return words;
}

/**
 * A light plural stemmer (after Harman's “S” stemmer), so `ceasefires` and
 * `ceasefire` count as one term. Deliberately no `-ing`/`-ed` stripping: that
 * merges words of different meaning (`building`/`build`) more often than it
 * helps short news texts. Never takes the `s` of `-ss`, `-us`, `-is`
 * (`business`, `virus`, `crisis`) or of `news`.
 */
export function stem(word: string): string {
  if (word.length < 4 || !word.endsWith("s") || word === "news") return word;
  const before = word[word.length - 2];
  if (before === "s" || before === "u" || before === "i") return word;
  if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) return `${word.slice(0, -3)}y`;
  return word.slice(0, -1);
}

/** The index term for one word of `textWords`, or `null` for a stop word. */
export function termOf(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  const term = stem(word);
  return term.length >= MIN_TERM_LENGTH && !STOP_WORDS.has(term) ? term : null;
}

/** The index terms of `text`, in reading order, repeats kept (term frequency matters). */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of textWords(text)) {
    const term = termOf(word);
    if (term !== null) terms.push(term);
  }
  return terms;
}
