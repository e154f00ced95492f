/**
 * The people, places and organisations articles name: per article
 * (`extractEntities`), then unified across the archive into the entities
 * that get a page (`buildEntityIndex`).
 *
 * The words carry compromise's tags (https://github.com/spencermountain/compromise),
 * as `taggedSentences.ts` gives them from compromise's word list and rules
 * without running its whole tagger; the names are cut from those tags here
 * rather than taken from compromise's `.people()`, `.places()` and
 * `.organizations()`, which on news text file
 * "White House" under places, break "Department of Justice" and
 * "Las Vegas" in pieces, miss names outside their word lists ("Hamas",
 * "Karine" in "Karine Jean-Pierre") and keep titles, possessives and
 * punctuation inside a match ("Leader Chuck Schumer", "Israel’s",
 * "Tel Aviv, Israel,").
 */
import type { Article } from "../article.ts";
import {
  DATE_WORDS,
  entityKey,
  isCommonWord,
  isPlausibleName,
  isTitleWord,
  keepsPeriod,
  lexiconTags,
  stripRoles,
  surnameOf,
  tidyName,
  PARTICLES,
} from "./personNames.ts";
import { taggedSentences, type TaggedTerm } from "./taggedSentences.ts";

export type EntityKind = "person" | "place" | "organization";

export interface EntityMention {
  /** `entityKey(name)`: the same name has the same key in every article. */
  readonly key: string;
  /** Canonical name: no title, role, possessive or "the" ("Joe Biden", "White House"). */
  readonly name: string;
  readonly kind: EntityKind;
  /** Times the article names it, a person's surname-only mentions included. */
  readonly count: number;
}

export interface EntityCompanion {
  readonly key: string;
  readonly name: string;
  /** Articles naming both. */
  readonly count: number;
}

export interface Entity {
  /** URL-safe slug of the canonical name ("joe-biden", "white-house"). */
  readonly key: string;
  readonly name: string;
  readonly kind: EntityKind;
  /** In the order the articles were given (callers pass them oldest first). */
  readonly articleIds: readonly string[];
  /** Entities with pages it most often shares an article with: count descending, then name; at most `MAX_COMPANIONS`. */
  readonly companions: readonly EntityCompanion[];
  /** Every name the articles call it by ("Biden", "Joe Biden"), so a mention can find its entity. */
  readonly aliases: readonly string[];
}

/**
 * Recognition is most of this module's cost, and it grows with the text.
 * It therefore reads only the title and the body blocks that start within
 * the first `RECOGNITION_BUDGET` characters: news names its people and
 * places early. Every name found there is then counted over the whole
 * article, which costs only a string search. On the CNN corpus (2,959
 * articles, median body 4 KB) extraction takes ≈ 3 ms of CPU per article
 * so; whole texts (`Infinity`) take ≈ 4 ms and give 25% more entity pages,
 * many of them passing mentions in a long article's tail. (Running
 * compromise's whole `nlp()` instead cost ≈ 40 ms per article.)
 */
export const RECOGNITION_BUDGET = 4000;

export const MAX_COMPANIONS = 8;

/**
 * Companions are counted between the entities with pages an article
 * names most, at most this many: pairs cost the square of it, and the
 * hundredth name in a round-up accompanies nobody.
 */
export const COMPANION_SOURCES = 30;

// ---------------------------------------------------------------------------
// Cutting names from compromise's tags

type Term = TaggedTerm;

/** A name as found in one sentence, before the article's names are reconciled. */
interface Found {
  readonly name: string;
  readonly kind: EntityKind;
  /** No tag said what it is; filed as an organisation unless it is a person's surname. */
  readonly unclassified: boolean;
  /** One word compromise knows only as a first name ("Joe"): kept only when a full name contains it. */
  readonly firstNameOnly: boolean;
}

const has = (term: Term | undefined, tag: string) => term?.tags.has(tag) === true;
const lower = (term: Term | undefined) => term?.text.toLowerCase() ?? "";

/** Short forms that name the same place or body as the long one. */
const ALIASES: ReadonlyMap<string, readonly [string, EntityKind]> = new Map([
  ["us", ["United States", "place"]],
  ["usa", ["United States", "place"]],
  ["united states of america", ["United States", "place"]],
  ["uk", ["United Kingdom", "place"]],
  ["britain", ["United Kingdom", "place"]],
  ["un", ["United Nations", "organization"]],
  ["eu", ["European Union", "organization"]],
]);

/** The word that says what sort of thing a name is: the one before "of" ("House of Representatives"), else the last ("White House"). */
function headOf(name: string): string {
  const tokens = name.toLowerCase().split(" ");
  const of = tokens.findIndex((token) => token === "of" || token === "for" || token === "on");
  return (of > 0 ? tokens[of - 1] : tokens.at(-1)) ?? "";
}

const ORGANIZATION_HEADS: ReadonlySet<string> = new Set([
  "administration",
  "agency",
  "airlines",
  "army",
  "assembly",
  "association",
  "authority",
  "bank",
  "board",
  "brigades",
  "bureau",
  "cabinet",
  "caucus",
  "centers",
  "chronicle",
  "church",
  "club",
  "coalition",
  "college",
  "command",
  "commission",
  "committee",
  "championship",
  "company",
  "congress",
  "convention",
  "corp",
  "corporation",
  "corps",
  "council",
  "court",
  "cup",
  "department",
  "democrats",
  "fc",
  "festival",
  "force",
  "forces",
  "foundation",
  "fund",
  "games",
  "gazette",
  "group",
  "guard",
  "herald",
  "house",
  "inc",
  "inquirer",
  "institute",
  "journal",
  "league",
  "ltd",
  "magazine",
  "marines",
  "media",
  "ministry",
  "movement",
  "museum",
  "navy",
  "network",
  "news",
  "office",
  "olympics",
  "organization",
  "organisation",
  "parliament",
  "party",
  "police",
  "post",
  "republicans",
  "school",
  "senate",
  "service",
  "society",
  "times",
  "tribune",
  "union",
  "university",
]);

/** Laws, awards and spans of time are named, but are no people, places or organisations. */
const NOT_ENTITY_HEADS: ReadonlySet<string> = new Set([
  "act",
  "amendment",
  "award",
  "awards",
  "bill",
  "clause",
  "day",
  "law",
  "month",
  "prize",
  "week",
  "year",
]);

/** Heads that are names on their own; "Department" or "County" alone is a fragment. */
const STANDALONE_HEADS: ReadonlySet<string> = new Set([
  "congress",
  "senate",
  "parliament",
  "democrats",
  "republicans",
  "olympics",
  "navy",
  "marines",
]);

const PLACE_HEADS: ReadonlySet<string> = new Set([
  "airport",
  "avenue",
  "bay",
  "beach",
  "boulevard",
  "bridge",
  "canyon",
  "city",
  "coast",
  "county",
  "district",
  "gulf",
  "island",
  "islands",
  "isle",
  "lake",
  "mosque",
  "mountain",
  "mountains",
  "ocean",
  "park",
  "peninsula",
  "province",
  "republic",
  "river",
  "sea",
  "square",
  "stadium",
  "strip",
  "valley",
]);

/** Lower-case words a name runs through; "the" and "and" only inside "X of the Y" / "X of Y and Z". */
const JOINERS = PARTICLES;
/** Heads that take "of" ("Bank of America", "Secretary of State"); after other words "of" ends the name ("Biden of Delaware"). */
const OF_TAKERS: ReadonlySet<string> = new Set([...ORGANIZATION_HEADS, ...PLACE_HEADS, "state", "duke"]);

const KIND_TAGS: readonly (readonly [EntityKind, string])[] = [
  ["organization", "Organization"],
  ["person", "Person"],
  ["place", "Place"],
];
const NAMING_TAGS = ["ProperNoun", "Person", "Place", "Organization", "Acronym"];
const NEVER_IN_NAMES = [
  "Pronoun",
  "Determiner",
  "Preposition",
  "Conjunction",
  "Condition",
  "QuestionWord",
  "Value",
  "WeekDay",
  "Month",
  "Negative",
  "Modal",
  "Copula",
  "Auxiliary",
];
/** One untagged word read as one of these is a common word capitalised ("Popular", "Defectors"). */
const NOT_ONE_WORD_NAMES = ["Adjective", "Plural", "Verb", "Adverb", "Gerund"];
/** Verbs after a speaker ("Bayroff said"); before one only "said" and "added" ("said Bayroff", but "told Reuters"). */
const SPEECH_VERBS: ReadonlySet<string> = new Set([
  "said",
  "says",
  "told",
  "tells",
  "added",
  "wrote",
  "writes",
  "explained",
  "asked",
  "noted",
]);
const SAID: ReadonlySet<string> = new Set(["said", "says", "added"]);
const OPENING = /[“"‘([]/;
const BREAK = /[,;:()[\]“”"—–/|]/;

const ARABIC_ARTICLE = /^(?:al|el|ad|an|ar|as|ash|at|az)$/;
const isAcronym = (text: string) => /^\p{Lu}{2,}$/u.test(text.replace(/[.&]/g, ""));

/**
 * A capitalised word inside a sentence is part of a name unless it is a
 * pronoun, article, date or the like. At the start of a sentence (or of a
 * quotation) capitals mean nothing, so there it must carry a naming tag.
 * compromise tags neither "Hamas fired" nor "Netanyahu defended" so; such
 * a name is found where it stands inside a sentence, and counted
 * everywhere.
 */
function isNameWord(sentence: readonly Term[], index: number): boolean {
  const term = sentence[index];
  if (term === undefined) return false;
  const capital = /^\p{Lu}/u.test(term.text);
  if (capital && isAcronym(term.text)) return true;
  // Lower-case pieces of a hyphenated name: "al-Rimal", "Mar-a-Lago" (not "mid-July").
  const joinsCapitals = term.post === "-" && /^\p{Lu}/u.test(sentence[index + 1]?.text ?? "");
  if (joinsCapitals && (ARABIC_ARTICLE.test(term.text) || sentence[index - 1]?.post === "-")) return true;
  if (!capital) return false;
  const hyphenated = term.post === "-" || sentence[index - 1]?.post === "-"; // "Mar-a-Lago": "Mar" is no month there
  if (NEVER_IN_NAMES.some((tag) => has(term, tag)) && !has(term, "Person") && !hyphenated) return false;
  const startsSentence = index === 0 || OPENING.test(term.pre) || /[:;—–]\s*$|[.!?]["”’)]*\s/.test(sentence[index - 1]?.post ?? "");
  return !startsSentence || (NAMING_TAGS.some((tag) => has(term, tag)) && !isCommonWord(term.text));
}

/** The name ends after this word: punctuation, a possessive, or a sentence's end (not an initial's period). */
function endsName(term: Term): boolean {
  if (BREAK.test(term.post) || has(term, "Possessive") || /['’]s?$/u.test(term.text)) return true;
  return /[.!?]/.test(term.post) && !keepsPeriod(`${term.text}.`) && !/^\p{Lu}$/u.test(term.text) && !isTitleWord(term.text);
}

/** Maximal runs of name words, through joiners ("Department of Health and Human Services", "Johnson & Johnson"). */
function nameRuns(sentence: readonly Term[]): { terms: Term[]; start: number }[] {
  const runs: { terms: Term[]; start: number }[] = [];
  let run: Term[] = [];
  let start = 0;
  let pending: Term[] = [];
  const close = () => {
    if (run.length > 0) runs.push({ terms: run, start });
    run = [];
    pending = [];
  };
  sentence.forEach((term, index) => {
    if (isNameWord(sentence, index)) {
      if (run.length > 0 && OPENING.test(term.pre)) close();
      if (run.length === 0) {
        start = index;
        // A sentence's first word is left out above unless tagged; "New Zealand" still needs its "New".
        const first = sentence[index - 1];
        if (first !== undefined && /^\p{Lu}/u.test(first.text) && lexiconTags(`${lower(first)} ${lower(term)}`).length > 0) {
          run.push(first);
          start = index - 1;
        }
      }
      run.push(...pending, term);
      pending = [];
      if (endsName(term)) close();
      return;
    }
    const word = lower(term);
    const previous = pending.at(-1) ?? run.at(-1);
    const joins =
      run.length > 0 &&
      pending.length < 2 &&
      JOINERS.has(word) &&
      (word !== "the" || /^(?:of|for|on)$/.test(lower(pending.at(-1)))) &&
      (word !== "and" || run.some((t) => /^(?:of|for)$/i.test(t.text))) &&
      (!/^(?:of|for)$/.test(word) || OF_TAKERS.has(lower(previous)) || isTitleWord(previous?.text ?? "")) &&
      (word !== "on" || ORGANIZATION_HEADS.has(lower(previous)));
    if (joins && !BREAK.test(term.post)) pending.push(term);
    else close();
  });
  close();
  return runs;
}

function joinTerms(terms: readonly Term[]): string {
  return terms
    .map((term, index) => {
      const hyphenated = index > 0 && (term.pre.includes("-") || (terms[index - 1]?.post.endsWith("-") ?? false));
      const period = term.post.startsWith(".") && (/^\p{Lu}$/u.test(term.text) || keepsPeriod(`${term.text}.`)) ? "." : "";
      return (index === 0 ? "" : hyphenated ? "-" : " ") + term.text + period;
    })
    .join("");
}

/** What one word is by compromise's word list alone, for the kinds that beat context ("Israel", "CNN"). */
function listedKind(word: string): EntityKind | null {
  const tags = lexiconTags(word);
  if (tags.some((tag) => ["Country", "City", "Region", "Place"].includes(tag))) return "place";
  if (tags.some((tag) => ["Organization", "SportsTeam"].includes(tag))) return "organization";
  return null;
}

/** The kind most of the run's words are tagged with; `null` when none is. */
function taggedKind(terms: readonly Term[]): EntityKind | null {
  let best: EntityKind | null = null;
  let bestVotes = 0;
  for (const [kind, tag] of KIND_TAGS) {
    const votes = terms.filter((term) => has(term, tag) && !isTitleWord(term.text)).length;
    if (votes > bestVotes) [best, bestVotes] = [kind, votes];
  }
  return best;
}

/**
 * Names one run, or rejects it. The head word decides first ("White House"
 * is an organisation whatever the tags say), then a title before a name
 * (a person), then the words' tags; a one-word place or organisation in
 * compromise's word list is that, whatever the sentence made of it.
 */
function classify(sentence: readonly Term[], run: { terms: Term[]; start: number }, lowerCaseWords: WordSet): Found | null {
  let terms = run.terms;
  const before = sentence[run.start - 1];
  const after = sentence[run.start + terms.length];
  const whole = tidyName(joinTerms(terms));
  const alias = ALIASES.get(whole.toLowerCase().replace(/\./g, ""));
  if (alias !== undefined) return { name: alias[0], kind: alias[1], unclassified: false, firstNameOnly: false };

  const head = headOf(whole);
  const multiWord = whole.includes(" ");
  let kind: EntityKind | null;
  let name = whole;
  if (multiWord && ORGANIZATION_HEADS.has(head)) kind = "organization";
  else if (multiWord && PLACE_HEADS.has(head)) kind = "place";
  else {
    // A demonym before a name is an adjective ("Israeli Prime Minister …"); alone it is no place ("Israeli").
    while (terms.length > 0 && has(terms[0], "Demonym")) terms = terms.slice(1);
    const tidy = tidyName(joinTerms(terms));
    name = stripRoles(tidy);
    if (name !== tidy) kind = "person";
    else kind = (name.includes(" ") ? null : listedKind(name)) ?? taggedKind(terms);
  }
  if (kind === "place") name = name.replace(/ Strip$/, ""); // "Gaza Strip" is what "Gaza" means; "Gaza City" stays a city.
  if (terms.length === 0 || !isPlausibleName(name)) return null;
  const oneWord = !name.includes(" ");
  const lastWord = name.split(" ").at(-1) ?? "";
  const word = name.toLowerCase();
  if (oneWord && (ORGANIZATION_HEADS.has(word) || PLACE_HEADS.has(word)) && !STANDALONE_HEADS.has(word)) return null;
  if (NOT_ENTITY_HEADS.has(headOf(name))) return null;
  // A role with no name after it ("White House Assistant Secretary"); in "Martin Luther King", "King" is a surname.
  if (isTitleWord(lastWord) && !has(terms.at(-1), "LastName")) return null;

  // "in Houston", "in Appalachia": a place, whatever compromise or nothing made of the word.
  if (kind !== "place" && oneWord && /^(?:in|near|across)$/.test(lower(before)) && !has(terms.at(-1), "Possessive")) kind = "place";
  if (kind === null && oneWord) {
    // Capitalised common words: adjective-shaped ("Democratic caucus"), read as one by compromise, or written in lower case elsewhere.
    if (/(?:ic|ian|ican|ese|ish)$/.test(name) || NOT_ONE_WORD_NAMES.some((tag) => has(terms[0], tag))) return null;
    if (lowerCaseWords.has(name.toLowerCase())) return null;
  }
  if (kind === null) {
    const closing = terms.at(-1)?.post ?? "";
    const speaks =
      (SPEECH_VERBS.has(lower(after)) && !/,/.test(closing)) || SAID.has(lower(before)) || (lower(after) === "who" && /,/.test(closing));
    // One word said to speak is a surname unless shaped like a brand or a group ("AirAsia", "Houthis").
    const speakerShaped = !oneWord || /^\p{Lu}\p{Ll}+$/u.test(name);
    if ((speaks && speakerShaped) || looksLikePersonalName(terms)) kind = "person";
  }
  const only = terms.length === 1 ? terms[0] : undefined;
  return {
    name,
    kind: kind ?? "organization",
    unclassified: kind === null,
    firstNameOnly: kind === "person" && oneWord && has(only, "FirstName") && !has(only, "LastName"),
  };
}

/**
 * Two or three capitalised words compromise does not know, none of them a
 * common word or an acronym, are most often a person ("Fabakary Jatta");
 * "Crisis Lifeline" and "Angel City FC" are not.
 */
function looksLikePersonalName(terms: readonly Term[]): boolean {
  if (terms.length < 2 || terms.length > 3) return false;
  return terms.every((term) => /^\p{Lu}\p{Ll}+$/u.test(term.text) && lexiconTags(term.text).every((tag) => NAME_TAG_WORDS.has(tag)));
}
const NAME_TAG_WORDS: ReadonlySet<string> = new Set(["FirstName", "MaleName", "FemaleName", "LastName", "Person"]);

/**
 * The kind a name's own words give it, without a sentence around it: its
 * head ("White House", "Gaza City"), an alias ("US"), or compromise's word
 * list ("Israel", "CNN"); `null` when only context could tell.
 */
export function kindOfName(name: string): EntityKind | null {
  const alias = ALIASES.get(name.toLowerCase().replace(/\./g, ""));
  if (alias !== undefined) return alias[1];
  const head = headOf(name);
  if (ORGANIZATION_HEADS.has(head)) return "organization";
  if (PLACE_HEADS.has(head)) return "place";
  return listedKind(name);
}

function recognise(text: string, lowerCaseWords: WordSet = new Set()): Found[] {
  const found: Found[] = [];
  for (const sentence of taggedSentences(text)) {
    for (const run of nameRuns(sentence)) {
      const one = classify(sentence, run, lowerCaseWords);
      if (one !== null) found.push(one);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// One article

/** "Jean -Pierre" → "Jean-Pierre", so a name reads and is searched for as it is filed. */
const tidyText = (text: string) => text.replace(/(\p{L}) -(\p{L})/gu, "$1-$2");

/** A Title Cased Headline capitalises every word, so its capitals say nothing about names. */
function isTitleCased(title: string): boolean {
  const words = (title.match(/\p{L}{4,}/gu) ?? []).slice(1);
  return words.length >= 2 && words.filter((word) => /^\p{Lu}/u.test(word)).length / words.length > 0.6;
}

/**
 * The title (unless derived from the lead, which the body repeats, or
 * Title Cased), paragraphs and captions; credits name photographers, not
 * subjects.
 */
function textsOf(article: Article): string[] {
  const texts = article.titleSource === "derived" || isTitleCased(article.title) ? [] : [article.title];
  for (const block of article.body) {
    const text = block.kind === "paragraph" ? block.text : block.caption;
    if (text.trim() !== "") texts.push(tidyText(text));
  }
  return texts;
}

/**
 * Blocks that start within the budget, line by line; each line ends a
 * sentence, so a caption or a Markdown heading never runs into the next.
 */
function recognitionText(texts: readonly string[], budget: number): string {
  const chosen: string[] = [];
  let length = 0;
  for (const text of texts) {
    if (length >= budget) break;
    length += text.length + 2;
    for (const line of text.split("\n")) {
      const bare = line.replace(/^\s*(?:#{1,6}|[-*+>]|\d+\.)\s+/, "").trim();
      if (bare !== "") chosen.push(/[.!?”"’]$/.test(bare) ? bare : `${bare}.`);
    }
  }
  return chosen.join("\n\n");
}

/** Words a text writes in lower case, asked one at a time. */
type WordSet = Pick<ReadonlySet<string>, "has">;

const WORD_PART = /[\p{L}’'-]/u;

/** Whether `text` writes `word` (lower case) as a whole word, letters, apostrophes and hyphens around it counting as part of a word. */
function writtenAsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!WORD_PART.test(text[at - 1] ?? " ") && !WORD_PART.test(text[at + word.length] ?? " ")) return true;
  }
  return false;
}

const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);

/** Whole-word occurrences of `phrase` in `text`; a plain search, since this runs for every name of every article. */
function occurrences(text: string, phrase: string): number {
  if (phrase === "") return 0;
  let count = 0;
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
    if (!isWordCharacter(text[at - 1]) && !isWordCharacter(text[at + phrase.length])) count += 1;
  }
  return count;
}

interface Draft {
  name: string;
  kind: EntityKind;
  /** Names as found, all meaning this entity; searched for when counting. */
  readonly forms: Set<string>;
  found: number;
  unclassified: boolean;
  firstNameOnly: boolean;
}

function addFound(drafts: Map<string, Draft>, found: Found): void {
  const key = entityKey(found.name);
  if (key === "") return;
  const draft = drafts.get(key);
  if (draft === undefined) {
    drafts.set(key, { ...found, forms: new Set([found.name]), found: 1 });
    return;
  }
  draft.forms.add(found.name);
  draft.found += 1;
  // A tagged reading beats an untagged one; a person reading beats the others (compromise rarely calls a place a person).
  if (draft.unclassified && !found.unclassified) Object.assign(draft, { kind: found.kind, unclassified: false });
  else if (!found.unclassified && found.kind === "person") draft.kind = "person";
  draft.firstNameOnly &&= found.firstNameOnly;
}

const wordsOf = (name: string) => name.split(" ").map(entityKey);

/** Whether `short`'s words appear, in order and together, in `long`. */
function containsWords(long: readonly string[], short: readonly string[]): boolean {
  for (let start = 0; start + short.length <= long.length; start += 1) {
    if (short.every((word, index) => long[start + index] === word)) return true;
  }
  return false;
}

/**
 * Folds each shorter person name, or one word read as an organisation
 * ("Netanyahu’s office"), into the person whose full name contains it
 * ("Biden", "Joe" → "Joe Biden"); with two candidates, into the one named
 * more. Places are never folded ("Paris" is not Paris Hilton), nor
 * organisations of several words.
 */
function foldIntoFullNames(drafts: Map<string, Draft>): void {
  const people = [...drafts.values()].filter((draft) => draft.kind === "person" && draft.name.includes(" "));
  for (const [key, draft] of drafts) {
    if (draft.kind === "place" || (draft.kind === "organization" && !draft.unclassified && draft.name.includes(" "))) continue;
    const words = wordsOf(draft.name);
    const host = people
      .filter((person) => person !== draft && drafts.has(entityKey(person.name)) && containsWords(wordsOf(person.name), words))
      .filter((person) => person.name.split(" ").length > words.length)
      .sort((a, b) => b.found - a.found)[0];
    if (host === undefined) continue;
    for (const form of draft.forms) host.forms.add(form);
    host.found += draft.found;
    drafts.delete(key);
  }
}

/**
 * Times the article names each draft. A person is counted by surname, so
 * "Biden" after "President Joe Biden" counts; a surname two people share
 * counts for the one named in full more often. A surname that is also a
 * date ("Theresa May") counts only in full.
 */
function counts(drafts: readonly Draft[], text: string): Map<Draft, number> {
  const result = new Map<Draft, number>();
  const bySurname = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const forms = [...draft.forms].filter((form) => ![...draft.forms].some((other) => other !== form && occurrences(form, other) > 0));
    result.set(
      draft,
      forms.reduce((sum, form) => sum + occurrences(text, form), 0),
    );
    if (draft.kind === "person" && draft.name.includes(" ")) {
      const surname = surnameOf(draft.name);
      bySurname.set(surname, [...(bySurname.get(surname) ?? []), draft]);
    }
  }
  for (const [surname, people] of bySurname) {
    if (DATE_WORDS.has(surname.toLowerCase())) continue;
    const inFull = people.reduce((sum, person) => sum + (result.get(person) ?? 0), 0);
    const alone = Math.max(0, occurrences(text, surname) - inFull);
    const main = [...people].sort((a, b) => (result.get(b) ?? 0) - (result.get(a) ?? 0))[0];
    if (main !== undefined) result.set(main, (result.get(main) ?? 0) + alone);
  }
  return result;
}

const tagKinds = new Map<string, EntityKind | null>();

/**
 * What a front-matter tag names: what compromise makes of it alone, a
 * capitalised tag it cannot place being an organisation; a lower-case tag
 * is a place or organisation only if compromise's word list says so
 * ("israel"), else a topic ("politics") and no entity.
 */
function tagKind(tag: string): EntityKind | null {
  const cached = tagKinds.get(tag);
  if (cached !== undefined || tagKinds.has(tag)) return cached ?? null;
  const found = recognise(tag);
  const whole = found.length === 1 && found[0] !== undefined && entityKey(found[0].name) === entityKey(tag) ? found[0] : undefined;
  const kind = whole?.kind ?? listedKind(tag) ?? (isPlausibleName(tag) ? "organization" : null);
  if (tagKinds.size < 10_000) tagKinds.set(tag, kind);
  return kind;
}

/** A front-matter name as the text would have been read: "Gaza Strip" is Gaza, "US" the United States, "Sen. Joe Smith" Joe Smith. */
function frontMatterName(raw: string, kind: EntityKind | null): string {
  const tidy = tidyName(raw);
  const alias = ALIASES.get(tidy.toLowerCase().replace(/\./g, ""));
  if (alias !== undefined) return alias[0];
  if (kind === "person") return stripRoles(tidy);
  return kind === "place" ? tidy.replace(/ Strip$/, "") : tidy;
}

const titleCase = (text: string) => text.replace(/(^|[\s-])(\p{Ll})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());

/**
 * Front matter is the keeper's word: its people are people and its places
 * places whatever compromise read, and they are listed even when the text
 * never names them. A tag is an entity only when it names one (`tagKind`).
 */
function applyFrontMatter(drafts: Map<string, Draft>, article: Article): void {
  const assert = (raw: string, kind: EntityKind | null) => {
    const name = frontMatterName(raw, kind);
    const key = entityKey(name);
    if (key === "") return;
    const existing = drafts.get(key);
    if (existing !== undefined) {
      if (kind !== null) Object.assign(existing, { kind, unclassified: false, firstNameOnly: false });
      return;
    }
    const resolved = kind ?? tagKind(name);
    if (resolved === null) return;
    const display = /\p{Lu}/u.test(name) ? name : titleCase(name);
    drafts.set(key, { name: display, kind: resolved, forms: new Set([display]), found: 0, unclassified: false, firstNameOnly: false });
  };
  for (const person of article.people) assert(person, "person");
  for (const place of article.places) assert(place, "place");
  for (const tag of article.tags) assert(tag, null);
}

const inByteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: { readonly name: string }, b: { readonly name: string }) => inByteOrder(a.name, b.name);
const byCountThenName = <T extends { readonly count: number; readonly name: string }>(a: T, b: T) => b.count - a.count || byName(a, b);

/**
 * The people, places and organisations one article names, normalised, most
 * mentioned first (then by name). Front matter `people`, `places` and
 * `tags` add to what compromise finds and overrule its kind; a name only
 * front matter gives counts once. `budget` is for tests; see
 * `RECOGNITION_BUDGET`.
 */
export function extractEntities(article: Article, budget: number = RECOGNITION_BUDGET): EntityMention[] {
  const texts = textsOf(article);
  const fullText = texts.join("\n");
  const lowerCaseWords = { has: (word: string) => writtenAsWord(fullText, word) };
  const drafts = new Map<string, Draft>();
  for (const found of recognise(recognitionText(texts, budget), lowerCaseWords)) addFound(drafts, found);
  applyFrontMatter(drafts, article);
  foldIntoFullNames(drafts);
  for (const [key, draft] of drafts) if (draft.firstNameOnly) drafts.delete(key);
  const counted = counts([...drafts.values()], fullText);
  return [...drafts.values()]
    .map((draft) => ({
      key: entityKey(draft.name),
      name: draft.name,
      kind: draft.kind,
      count: Math.max(1, draft.found, counted.get(draft) ?? 0),
    }))
    .sort(byCountThenName);
}

// ---------------------------------------------------------------------------
// The archive

interface Group {
  readonly key: string;
  /** Indexes into the articles, ascending. */
  articles: number[];
  /** Spelling → articles using it. */
  readonly names: Map<string, number>;
  /** Kind → articles reading it so. */
  readonly kinds: Map<EntityKind, number>;
}

const increment = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function mostVoted<K>(votes: ReadonlyMap<K, number>, fallback: K): K {
  let best = fallback;
  let bestVotes = 0;
  for (const [key, count] of votes) if (count > bestVotes) [best, bestVotes] = [key, count];
  return best;
}

/** The spelling with the most words (the full form), then the most used, then the longest. */
function displayName(names: ReadonlyMap<string, number>): string {
  const words = (name: string) => name.split(" ").length;
  const ranked = [...names].sort(([a, x], [b, y]) => words(b) - words(a) || y - x || b.length - a.length || (a < b ? -1 : 1));
  return ranked[0]?.[0] ?? "";
}

/**
 * Folds a one-word name ("Netanyahu" in an article that never gives the
 * full name, which the article files as an organisation) into the person
 * with that surname found in the most articles. Places keep their word
 * ("Jordan" is a country), and so does an organisation found in more
 * articles than the person ("West" is not Dominic West).
 */
function foldSurnames(groups: Map<string, Group>, kindOf: (group: Group) => EntityKind): void {
  const fullNames = new Map<string, Group>();
  for (const group of groups.values()) {
    const name = displayName(group.names);
    if (kindOf(group) !== "person" || !name.includes(" ")) continue;
    const surname = entityKey(surnameOf(name));
    const rival = fullNames.get(surname);
    if (rival === undefined || group.articles.length > rival.articles.length) fullNames.set(surname, group);
  }
  for (const [key, group] of groups) {
    const kind = kindOf(group);
    if (displayName(group.names).includes(" ") || kind === "place") continue;
    const host = fullNames.get(key);
    if (host === undefined || host === group) continue;
    // An organisation word is a surname only if that person is the likelier reading: "Biden" yes, "West" not Dominic West.
    if (kind === "organization" && (host.articles.length < group.articles.length || listedKind(key) !== null)) continue;
    host.articles = mergeSorted(host.articles, group.articles);
    for (const [name, count] of group.names) increment(host.names, name, count);
    groups.delete(key);
  }
}

/**
 * Each page's `MAX_COMPANIONS` companions, given the pages each article
 * names (`present`, as positions into `keys` and `names`, first named
 * first): count descending, then name, then the order first met going
 * through the articles. Counted page by page in typed arrays rather than
 * in a map per page keyed by name: at 20,000 articles the index took
 * 1.2–1.5 s so, 0.6–0.8 s now.
 */
function topCompanions(present: readonly (readonly number[])[], keys: readonly string[], names: readonly string[]): EntityCompanion[][] {
  /** The articles naming page `p` are `naming[start[p] .. start[p + 1])`, ascending. */
  const start = new Int32Array(keys.length + 1);
  for (const pages of present) for (const page of pages) start[page + 1] = (start[page + 1] ?? 0) + 1;
  for (let page = 1; page < start.length; page++) start[page] = (start[page] ?? 0) + (start[page - 1] ?? 0);
  const next = start.slice(0, -1);
  const naming = new Int32Array(start.at(-1) ?? 0);
  present.forEach((pages, article) => {
    for (const page of pages) {
      const at = next[page] ?? 0;
      naming[at] = article;
      next[page] = at + 1;
    }
  });

  const count = new Int32Array(keys.length);
  const met = new Int32Array(keys.length);
  return keys.map((_, page) => {
    let length = 0;
    for (let k = start[page] ?? 0, end = start[page + 1] ?? 0; k < end; k++) {
      for (const other of present[naming[k] ?? 0] ?? []) {
        if (other === page) continue;
        if (count[other] === 0) met[length++] = other;
        count[other] = (count[other] ?? 0) + 1;
      }
    }
    // A stable sort of the pages met, so ties of count and name keep the order met.
    const best = Array.from(met.subarray(0, length))
      .sort((a, b) => (count[b] ?? 0) - (count[a] ?? 0) || inByteOrder(names[a] ?? "", names[b] ?? ""))
      .slice(0, MAX_COMPANIONS)
      .map((other) => ({ key: keys[other] ?? "", name: names[other] ?? "", count: count[other] ?? 0 }));
    for (let k = 0; k < length; k++) count[met[k] ?? 0] = 0;
    return best;
  });
}

/**
 * Entities named in at least `minArticles` articles, with canonical names
 * unified across the archive, most covered first (then by name). An
 * article missing from `mentions` names nothing; its mentions are taken
 * in the order given (`extractEntities`: most mentioned first). Linear in
 * the number of articles: each adds its mentions and at most
 * `COMPANION_SOURCES`² companion pairs.
 */
export function buildEntityIndex(
  articles: readonly Article[],
  mentions: ReadonlyMap<string, readonly EntityMention[]>,
  minArticles = 2,
): Entity[] {
  // Names recur across thousands of articles; slugging each spelling once keeps the index a small part of a build.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => keys.get(name) ?? (keys.set(name, entityKey(name)), entityKey(name));
  const groups = new Map<string, Group>();
  articles.forEach((article, index) => {
    for (const mention of mentions.get(article.id) ?? []) {
      const key = keyOf(mention.name);
      if (key === "") continue;
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { key, articles: [], names: new Map(), kinds: new Map() }));
      if (group.articles.at(-1) !== index) group.articles.push(index);
      increment(group.names, mention.name);
      increment(group.kinds, mention.kind);
    }
  });

  // Front matter settles a kind for the whole archive, as it does for its article.
  const asserted = new Map<string, EntityKind>();
  for (const article of articles) {
    for (const place of article.places) asserted.set(entityKey(frontMatterName(place, "place")), "place");
    for (const person of article.people) asserted.set(entityKey(frontMatterName(person, "person")), "person");
  }
  const kindOf = (group: Group) => asserted.get(group.key) ?? mostVoted(group.kinds, "organization");
  foldSurnames(groups, kindOf);

  const kept = [...groups.values()].filter((group) => group.articles.length >= minArticles);
  const names = kept.map((group) => displayName(group.names));
  /** Every spelling's key → the position in `kept` of the page it is shown on. */
  const pageOf = new Map<string, number>();
  kept.forEach((group, page) => {
    for (const name of group.names.keys()) pageOf.set(keyOf(name), page);
  });
  const present = articles.map((article) => {
    const pages: number[] = [];
    for (const mention of mentions.get(article.id) ?? []) {
      const page = pageOf.get(keyOf(mention.name));
      if (page !== undefined && !pages.includes(page)) pages.push(page);
      if (pages.length === COMPANION_SOURCES) break;
    }
    return pages;
  });
  const companions = topCompanions(
    present,
    kept.map((group) => group.key),
    names,
  );

  return kept
    .map((group, page): Entity => ({
      key: group.key,
      name: names[page] ?? group.key,
      kind: kindOf(group),
      articleIds: group.articles.map((index) => articles[index]?.id ?? ""),
      companions: companions[page] ?? [],
      aliases: [...group.names.keys()].sort(),
    }))
    .sort((a, b) => b.articleIds.length - a.articleIds.length || byName(a, b));
}
