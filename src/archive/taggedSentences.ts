/**
 * Text → sentences of words carrying the part-of-speech tags that entity
 * extraction reads from compromise, at a small part of the cost of its
 * `nlp()`.
 *
 * `nlp()` costs ≈ 40 ms per CNN article, most of it in its post-tagger's
 * pattern sweep over every word
 * (https://github.com/spencermountain/compromise/tree/master/src/2-two/postTagger),
 * while names need only the capitalised words, what compromise's own word
 * list and tag tree say about them, and a handful of its rules, applied
 * here as it applies them: a capitalised word inside a sentence is a proper
 * noun (`preTagger/compute/tagger/2nd-pass/01-case.js`); upper-case
 * abbreviations are acronyms, "US" a place (`3rd-pass/01-acronym.js`);
 * "… Inc", "… Department" are organisations and "… River", "town of …"
 * places (`3rd-pass/03-orgWords.js`, `04-placeWords.js`); a capitalised
 * word after a first name is a last name, after a title a person
 * (`postTagger/model/person/person-phrase.js`). Lower-case words keep no
 * tags: nothing downstream reads them. Pure; linear in the text.
 */
import { nlp } from "./compromise.ts";

/** One word as in compromise's `document`: its text apart from the punctuation around it. */
export interface TaggedTerm {
  readonly text: string;
  /** Punctuation before the word (`“`, `(`). */
  readonly pre: string;
  /** Punctuation and space after it (`, `, `. `, `-` inside "Mar-a-Lago"). */
  readonly post: string;
  /** compromise's tags, each with its parents ("FirstName", "Person", "ProperNoun", "Noun", …). */
  readonly tags: Set<string>;
}

type Entry = string | readonly string[] | undefined;
interface TagInfo {
  readonly parents?: readonly string[];
  readonly not?: readonly string[];
}
interface Model {
  one: {
    lexicon: Readonly<Record<string, Entry>>;
    tagSet: Readonly<Record<string, TagInfo | undefined>>;
    /** First words of the word list's entries of several words, with the longest's length ("new": 4). */
    _multiCache: Readonly<Record<string, number>>;
    /** Names of several words read whole ("new york times", "bill gates"). */
    frozenLex: Readonly<Record<string, Entry>>;
    prefixes: Readonly<Record<string, unknown>>;
    suffixes: Readonly<Record<string, unknown>>;
  };
  two: {
    /** Words compromise reads two ways by context ("bill": "Person|Noun", "houston": "Person|Place"). */
    switches: Readonly<Record<string, string>>;
    orgWords: Readonly<Record<string, boolean>>;
    placeWords: Readonly<Record<string, boolean>>;
  };
}
const MODEL = nlp.model() as unknown as Model;
const {
  lexicon: LEXICON,
  tagSet: TAG_SET,
  _multiCache: MULTI_WORD_STARTS,
  frozenLex: FROZEN,
  prefixes: PREFIXES,
  suffixes: SUFFIXES,
} = MODEL.one;
const { switches: SWITCHES, orgWords: ORG_WORDS, placeWords: PLACE_WORDS } = MODEL.two;

class Word implements TaggedTerm {
  readonly tags = new Set<string>();
  /** Lower case, without a possessive: how the word list spells it. */
  readonly normal: string;
  /** Has a capital letter somewhere; words without one are never tagged. */
  readonly capitalised: boolean;
  /** Starts with a capital letter followed by a lower-case one ("Biden", not "CNN" or "al"). */
  readonly titleCase: boolean;
  constructor(
    readonly text: string,
    readonly pre: string,
    public post: string,
  ) {
    const lower = text.toLowerCase();
    this.normal = lower.includes("'") || lower.includes("’") ? lower.replace(/['’]s$/, "") : lower;
    this.capitalised = lower !== text;
    this.titleCase = this.capitalised && TITLE_CASE.test(text);
  }
  has(tag: string): boolean {
    return this.tags.has(tag);
  }
  /** Whether the word runs on into the next: compromise matches these patterns within a clause. */
  get joined(): boolean {
    return /^[\s-]*$/.test(this.post);
  }
}

const TITLE_CASE = /^\p{Lu}[\p{Ll}'’]/u;

const exclusions = new Map<string, ReadonlySet<string>>();
/**
 * Tags a word as compromise's `setTag` does: removes the tags the new one
 * excludes (a "Place" is no "FirstName"), then adds it with its parents
 * ("FirstName" is also "Person" and "ProperNoun").
 */
function addTag(word: Word, tag: string): void {
  if (word.tags.has(tag)) return;
  const info = TAG_SET[tag];
  if (word.tags.size > 0 && info?.not !== undefined) {
    let excluded = exclusions.get(tag);
    if (excluded === undefined) exclusions.set(tag, (excluded = new Set(info.not)));
    for (const old of word.tags) if (excluded.has(old)) word.tags.delete(old);
  }
  for (const parent of info?.parents ?? []) word.tags.add(parent);
  word.tags.add(tag);
}

const asList = (entry: Entry): readonly string[] => (entry === undefined ? [] : typeof entry === "string" ? [entry] : entry);

/** The word list's tags for a lower-case word, also without its accents ("beyoncé" is listed as "beyonce"). */
function listed(word: string): readonly string[] {
  const entry = LEXICON[word];
  if (entry !== undefined || !/[^\p{ASCII}]/u.test(word)) return asList(entry);
  return asList(LEXICON[word.normalize("NFKD").replace(/\p{M}/gu, "")]);
}

/** Listed, but as no kind of name ("chronicle"). */
function isCommon(word: string): boolean {
  const tags = listed(word);
  return tags.length > 0 && !tags.some((tag) => tag === "ProperNoun" || TAG_SET[tag]?.parents?.includes("ProperNoun") === true);
}

// ---------------------------------------------------------------------------
// Words and sentences

const LEADING = /^[“"‘'«([¿¡*_]+/u;
const TRAILING = /[.,;:!?…”"’'»)\]*_]+$/u;
/** Dotted abbreviations keep their last period, as in compromise ("U.S.", "D.C."). */
const DOTTED = /^(?:\p{L}\.){2,}$/u;
const STOP = /[.!?…]/;
/** Most words are letters only, and need no more looking at. */
const PLAIN = /^\p{L}+$/u;

/**
 * Whether compromise splits a word at its hyphens: "Mar-a-Lago", "Covid-19",
 * "Trump–Vance", but not "D-N.Y.", "re-elect" or "Reagan-like"
 * (`1-one/tokenize/methods/02-terms/01-hyphens.js`).
 */
function splitsAtHyphens(word: string): boolean {
  const parts = word.split(/[-–—]/);
  const [first = "", second = ""] = parts;
  if (parts.length < 2 || /^\p{L}$/u.test(first) || PREFIXES[first.toLowerCase()] !== undefined) return false;
  if (SUFFIXES[second.replace(/[.?!]$/, "").toLowerCase()] !== undefined) return false;
  return /^[\p{L}`"'/]+[-–—][\p{L}\p{N}]/u.test(word) || /^\p{N}{1,4}[-–—][\p{L}`"'/-]+$/u.test(word);
}

/** One chunk between spaces → its words: punctuation apart, hyphenated names split. */
function wordsOf(chunk: string, space: string): Word[] {
  if (PLAIN.test(chunk)) return [new Word(chunk, "", space)];
  const pre = LEADING.exec(chunk)?.[0] ?? "";
  let core = chunk.slice(pre.length);
  let post: string;
  const dotted = /^((?:\p{L}\.){2,})(\P{L}*)$/u.exec(core); // "U.S.," keeps "U.S." whole
  if (dotted !== null) [core, post] = [dotted[1] ?? "", dotted[2] ?? ""];
  else {
    post = TRAILING.exec(core)?.[0] ?? "";
    core = core.slice(0, core.length - post.length);
  }
  if (!/[-–—]/.test(core) || !splitsAtHyphens(core)) return [new Word(core, pre, post + space)];
  const parts = core.split(/(?<=[-–—])/);
  return parts.map((part, index) =>
    index === parts.length - 1 ? new Word(part, "", post + space) : new Word(part.slice(0, -1), index === 0 ? pre : "", part.slice(-1)),
  );
}

/** A word whose period ends no sentence: an initial, a title, "Jr.", "Jan.", "U.S.". */
function isAbbreviation(text: string): boolean {
  if (/^\p{L}$/u.test(text) || DOTTED.test(text)) return true;
  const tags = listed(text.toLowerCase());
  return tags.includes("Abbreviation") || tags.includes("Honorific") || tags.includes("Month");
}

const STARTS_SENTENCE = /^[\p{Lu}\p{N}“"‘'([]/u;
const SPOKEN = /[\p{L}\p{N}&]/u;

/** Paragraphs (blank lines) → sentences → words. */
function sentencesOf(text: string): Word[][] {
  const sentences: Word[][] = [];
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    let sentence: Word[] = [];
    for (const [, chunk = "", space = ""] of paragraph.matchAll(/(\S+)(\s*)/g)) {
      const previous = sentence.at(-1);
      if (!SPOKEN.test(chunk)) {
        // Punctuation standing alone ("—") belongs to the word before it.
        if (previous !== undefined) previous.post += chunk + space;
        continue;
      }
      if (previous !== undefined && STOP.test(previous.post) && STARTS_SENTENCE.test(chunk) && !isAbbreviation(previous.text)) {
        sentences.push(sentence);
        sentence = [];
      }
      sentence.push(...wordsOf(chunk, space));
    }
    if (sentence.length > 0) sentences.push(sentence);
  }
  return sentences;
}

// ---------------------------------------------------------------------------
// Tags

/** What the word list says of capitalised words, entries of several words first ("New Zealand", "Tel Aviv"). */
function tagFromWordList(words: readonly Word[]): void {
  words.forEach((word, index) => {
    if (!word.capitalised) return;
    const longest = MULTI_WORD_STARTS[word.normal];
    if (longest !== undefined) {
      for (let end = Math.min(words.length, index + longest); end > index + 1; end -= 1) {
        const phrase = words
          .slice(index, end)
          .map((one) => one.normal)
          .join(" ");
        const tags = asList(LEXICON[phrase] ?? FROZEN[phrase]);
        if (tags.length === 0) continue;
        for (const one of words.slice(index, end)) for (const tag of tags) addTag(one, tag);
        break;
      }
    }
    if (word.tags.size === 0) for (const tag of listed(DOTTED.test(word.text) ? word.normal.slice(0, -1) : word.normal)) addTag(word, tag);
    if (/['’]s$/.test(word.text) || /^['’]/.test(word.post)) addTag(word, "Possessive");
  });
}

/** Upper-case abbreviations that are places only when written so ("US", not "us"). */
const PLACE_ACRONYMS: ReadonlySet<string> = new Set(["la", "ny", "us", "dc", "gb", "uk"]);
/** Surname shapes (`preTagger/model/regex/regex-normal.js`). */
const SURNAME = /^(?:ma?c'\p{Ll}{3}|o'\p{Ll}{3}|ma?cd[aeiou]\p{Ll}{3})/u;

/**
 * Acronyms ("NDA", "US"), surnames by their shape ("McDonald"), and the
 * names compromise reads by context: a first name before a capitalised
 * word ("Bill Ackman", "Hunter Biden"), a city otherwise ("in Houston").
 */
function tagByShape(words: readonly Word[]): void {
  words.forEach((word, index) => {
    if (!word.capitalised) return;
    const bare = word.text.replace(/['’]s$/, "");
    if (
      /^[A-Z-]+$/.test(bare) &&
      (PLACE_ACRONYMS.has(word.normal) || (bare.length > 1 && bare.length <= 5 && LEXICON[word.normal] === undefined))
    ) {
      word.tags.clear();
      addTag(word, "Acronym");
      if (PLACE_ACRONYMS.has(word.normal)) addTag(word, "Place");
      if (bare !== word.text) addTag(word, "Possessive");
      return;
    }
    if (!word.titleCase) return;
    if (SURNAME.test(word.normal)) addTag(word, "LastName");
    // "St. Louis", "Mt. Everest", "Ft. Lauderdale".
    const before = words[index - 1];
    if (before?.has("Abbreviation") === true && before.has("Place")) addTag(word, "Place");
    const reading = SWITCHES[word.normal];
    if (reading?.startsWith("Person") !== true || word.has("Place") || word.has("Organization")) return;
    const next = words[index + 1];
    // "Jordan Peterson", "Victoria Villarruel"; but "Houston Chronicle", "in Houston".
    if (next?.titleCase === true && word.post === " " && !isCommon(next.normal)) addTag(word, "FirstName");
    else if (reading === "Person|Place") addTag(word, "City");
  });
}

const NOT_PROPER = ["Date", "Month", "WeekDay", "Unit", "Expression"];

/**
 * A capitalised word inside a sentence is a proper noun, unless it is a
 * date ("May 5") or follows a straight quote (compromise reads a word after
 * “ as any other). A capitalised word nothing tagged is a noun
 * (`3rd-pass/05-fallback.js`).
 */
function tagByCase(words: readonly Word[]): void {
  words.forEach((word, index) => {
    if (index === 0 || !word.titleCase || /\p{N}/u.test(word.text)) return;
    if (NOT_PROPER.some((tag) => word.tags.has(tag)) || /["']$/.test(word.pre) || word.normal === "the") return;
    if (!word.tags.has("Noun")) word.tags.clear();
    addTag(word, "ProperNoun");
  });
  for (const word of words) if (word.tags.size === 0 && word.capitalised) addTag(word, word.text.endsWith("s") ? "Noun" : "Singular");
}

const isTitled = (word: Word | undefined, index: number) => word !== undefined && word.titleCase && (index !== 0 || word.has("Singular"));

/** "Johnson Inc", "Justice Department", "Netanyahu’s office": proper nouns before an organisation word are one. */
function tagOrganizations(words: readonly Word[]): void {
  const isOrg = (word: Word | undefined, index: number) => {
    if (word === undefined || word.has("FirstName") || word.has("Place")) return false;
    return word.has("ProperNoun") || word.has("Organization") || word.has("Acronym") || isTitled(word, index);
  };
  words.forEach((word, index) => {
    if (ORG_WORDS[word.normal] !== true || words[index - 1]?.joined !== true || !isOrg(words[index - 1], index - 1)) return;
    addTag(word, "Organization");
    for (let back = index - 1; back >= 0 && isOrg(words[back], back); back -= 1) {
      addTag(words[back] as Word, "Organization");
      if (words[back - 1]?.joined !== true) break;
    }
  });
}

/** Words inside a place's name ("Great Salt Lake", "Memorial Park"). */
const PLACE_CONTINUES: ReadonlySet<string> = new Set(
  "athletic city community eastern federal financial great historic historical local memorial municipal national northern provincial southern state western spring pine sunset view oak maple spruce cedar willow".split(
    " ",
  ),
);
/** Place words that take no name after them ("center of …"). */
const NOT_BEFORE_PLACES: ReadonlySet<string> = new Set(["center", "centre", "way", "range", "bar", "bridge", "field", "pit"]);

/** "Hudson River", "Lake Tahoe", "town of Majdal Shams". */
function tagPlaces(words: readonly Word[]): void {
  const isPlace = (word: Word | undefined, index: number) => {
    if (word === undefined || word.has("Organization") || word.has("Possessive")) return false;
    return word.has("ProperNoun") || word.has("Place") || isTitled(word, index);
  };
  const continues = (index: number) => PLACE_CONTINUES.has(words[index]?.normal ?? "") || isPlace(words[index], index);
  words.forEach((word, index) => {
    if (PLACE_WORDS[word.normal] !== true) return;
    let first = index;
    while (first > 0 && words[first - 1]?.joined === true && continues(first - 1)) first -= 1;
    for (const one of words.slice(first, first < index ? index + 1 : first)) addTag(one, "Place");
    if (NOT_BEFORE_PLACES.has(word.normal)) return;
    for (let next = index + 1; next < words.length && words[next - 1]?.joined === true; next += 1) {
      if (isPlace(words[next], next)) {
        for (const one of words.slice(index, next + 1)) addTag(one, "Place");
        return;
      }
      if (words[next]?.normal !== "of" && !PLACE_CONTINUES.has(words[next]?.normal ?? "")) return;
    }
  });
}

/** compromise's person patterns that names depend on: "Jen Psaki", "John F Kennedy", "Sen. Chuck Schumer", "Karine Jean-Pierre". */
function tagPeople(words: readonly Word[]): void {
  const proper = (word: Word | undefined): word is Word => word !== undefined && word.has("ProperNoun") && !word.has("Possessive");
  words.forEach((word, index) => {
    const next = words[index + 1];
    if (word.has("FirstName") && next !== undefined && word.post === " ") {
      const after = /^\p{Lu}$/u.test(next.text) ? words[index + 2] : next;
      if (after?.has("FirstName") === true || (proper(after) && !after.has("FirstName"))) addTag(after, "LastName");
    }
    if (word.has("Honorific") && proper(next)) {
      addTag(next, "Person");
      const third = words[index + 2];
      if (next.has("FirstName") && proper(third)) addTag(third, "LastName");
    }
  });
  for (let index = words.length - 2; index >= 0; index -= 1) {
    const word = words[index] as Word;
    if (proper(word) && words[index + 1]?.has("Person") === true && word.joined && !word.has("Place") && !word.has("Organization"))
      addTag(word, "Person");
  }
}

/** The sentences of `text`, each a list of tagged words. */
export function taggedSentences(text: string): TaggedTerm[][] {
  return sentencesOf(text).map((words) => {
    tagFromWordList(words);
    tagByShape(words);
    tagByCase(words);
    tagOrganizations(words);
    tagPlaces(words);
    tagPeople(words);
    return words;
  });
}
