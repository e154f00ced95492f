/**
 * How a name as printed ("President Joe Biden’s", "Jean -Pierre") becomes the
 * name the archive files it under ("Joe Biden", "Jean-Pierre"), the key its
 * page lives at, and what is no name at all. Entity extraction and quote
 * attribution share these, so a quote's speaker and an entity page agree on
 * who someone is.
 */
import { nlp } from "./compromise.ts";
import { MONTHS } from "../ingest/calendarDates.ts";

/** Titles and roles printed before a name, never part of it: lower case, without the abbreviation's period. */
const TITLE_WORDS: ReadonlySet<string> = new Set([
  "acting",
  "adm",
  "admiral",
  "agent",
  "ambassador",
  "assistant",
  "attorney",
  "ayatollah",
  "candidate",
  "capt",
  "captain",
  "ceo",
  "chair",
  "chairman",
  "chairwoman",
  "chancellor",
  "chief",
  "cmdr",
  "col",
  "colonel",
  "commander",
  "commissioner",
  "congressman",
  "congresswoman",
  "coach",
  "councilman",
  "councilwoman",
  "crown",
  "dame",
  "democrat",
  "democratic",
  "deputy",
  "detective",
  "director",
  "dr",
  "emir",
  "first",
  "former",
  "gen",
  "general",
  "gov",
  "governor",
  "judge",
  "justice",
  "king",
  "lady",
  "leader",
  "lord",
  "lt",
  "madam",
  "majority",
  "mayor",
  "minister",
  "minority",
  "miss",
  "mr",
  "mrs",
  "ms",
  "nominee",
  "officer",
  "pm",
  "pope",
  "premier",
  "president",
  "president-elect",
  "press",
  "prime",
  "prince",
  "princess",
  "prof",
  "professor",
  "queen",
  "rabbi",
  "rep",
  "representative",
  "republican",
  "ret",
  "rev",
  "reverend",
  "prosecutor",
  "sec",
  "secretary",
  "sen",
  "senator",
  "sgt",
  "sheikh",
  "sheriff",
  "sir",
  "speaker",
  "spokesman",
  "spokesperson",
  "spokeswoman",
  "sultan",
  "supt",
  "vice",
]);

/** Words that finish a role rather than start a name ("Secretary of Homeland Security …"). */
const ROLE_FILLERS: ReadonlySet<string> = new Set([
  "of",
  "the",
  "for",
  "state",
  "defense",
  "defence",
  "homeland",
  "security",
  "health",
  "treasury",
  "commerce",
  "labor",
  "energy",
  "education",
  "transportation",
  "interior",
  "agriculture",
  "foreign",
  "affairs",
  "finance",
  "national",
  "us",
  "u.s",
]);

/** Generational suffixes: part of a name, never its surname. */
const SUFFIXES: ReadonlySet<string> = new Set(["jr", "sr", "ii", "iii", "iv"]);

/** Lower-case words allowed inside a proper name ("Bank of America", "Mohammed bin Salman", "Ursula von der Leyen"). */
export const PARTICLES: ReadonlySet<string> = new Set([
  "of",
  "the",
  "and",
  "for",
  "on",
  "&",
  "de",
  "del",
  "della",
  "der",
  "den",
  "di",
  "da",
  "du",
  "dos",
  "das",
  "la",
  "le",
  "van",
  "von",
  "bin",
  "ibn",
  "al",
  "el",
  "y",
]);

export const DATE_WORDS: ReadonlySet<string> = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thur",
  "thurs",
  "fri",
  "sat",
  "sun",
  ...MONTHS,
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "today",
  "tonight",
  "tomorrow",
  "yesterday",
  "weekend",
]);

/** Capitalised words that are never a name on their own. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  "i",
  "me",
  "he",
  "him",
  "she",
  "her",
  "it",
  "we",
  "us",
  "they",
  "them",
  "you",
  "his",
  "hers",
  "its",
  "our",
  "their",
  "your",
  "who",
  "whom",
  "what",
  "which",
  "this",
  "that",
  "these",
  "those",
  "there",
  "here",
  "a",
  "an",
  "the",
  "and",
  "or",
  "but",
  "if",
  "when",
  "while",
  "after",
  "before",
  "since",
  "as",
  "at",
  "by",
  "in",
  "on",
  "of",
  "for",
  "to",
  "from",
  "with",
  "said",
  "says",
  "no",
  "yes",
  "not",
  "all",
  "one",
  "none",
  "nobody",
  "nothing",
  "everyone",
  "everybody",
  "everything",
  "someone",
  "somebody",
  "something",
  "anyone",
  "anything",
  "each",
  "both",
  "either",
  "neither",
  "many",
  "most",
  "some",
  "few",
  "several",
  "other",
  "others",
  "another",
  "such",
  "god",
  // Faiths and groups: adjectives or plurals, not organisations.
  "arab",
  "arabs",
  "christians",
  "hindu",
  "hindus",
  "jew",
  "jews",
  "muslim",
  "muslims",
  "nazi",
  "nazis",
  "shia",
  "shiite",
  "sikh",
  "sikhs",
  "sunni",
  "sunnis",
  // Abbreviations that name no one: times, units, common nouns.
  "am",
  "pm",
  "et",
  "pt",
  "gmt",
  "est",
  "edt",
  "ok",
  "tv",
  "ai",
  "ar",
  "atm",
  "cbd",
  "ceo",
  "cfo",
  "coo",
  "cto",
  "ct",
  "dna",
  "ev",
  "evs",
  "gdp",
  "id",
  "mvp",
  "pc",
  "pdf",
  "rna",
  "suv",
  "usb",
  "vip",
  "vp",
]);

const bare = (token: string) => token.toLowerCase().replace(/\.$/, "");

export function isTitleWord(token: string): boolean {
  return TITLE_WORDS.has(bare(token));
}

export function isSuffix(token: string): boolean {
  return SUFFIXES.has(bare(token));
}

/** Starts with a capital or a digit, or is an Arabic-style prefixed name ("al-Rimal"). */
export function isCapitalised(token: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(token) || NAME_PREFIX.test(token);
}

/** Lower-case prefixes of Arabic and Romance names ("al-Rimal", "d’Estaing"); "mid-July" is no name. */
const NAME_PREFIX = /^(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|da|de|di|du|la|le)[-’']\p{Lu}/u;

/** Abbreviations whose final period belongs to them ("Jr.", "U.S."). */
export function keepsPeriod(token: string): boolean {
  return /^(?:\p{L}\.)+$/u.test(token) || /^(?:jr|sr|inc|co|corp|ltd|st)\.$/i.test(token);
}

/**
 * Removes what print wraps around a name: quote marks, a possessive, a
 * leading "the", trailing punctuation, and the stray space hurried typing
 * puts beside a hyphen ("Jean -Pierre").
 */
export function tidyName(raw: string): string {
  let name = tidied.get(raw);
  if (name === undefined) {
    if (tidied.size >= 100_000) tidied.clear();
    tidied.set(raw, (name = tidy(raw)));
  }
  return name;
}

/** Names recur in every article: each spelling is tidied once (a bounded memo). */
const tidied = new Map<string, string>();

function tidy(raw: string): string {
  let name = raw
    .normalize("NFC")
    .replace(/[“”"‘«»()[\]]/g, " ")
    .replace(/(\p{L}) ?[-‐] ?(\p{L})/gu, "$1-$2")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /i, "");
  for (let previous = ""; previous !== name;) {
    previous = name;
    name = name
      .replace(/['’]s$/u, "")
      .replace(/['’]$/u, "")
      .replace(/[,;:!?]+$/u, "")
      .trim();
    const last = name.split(" ").at(-1) ?? "";
    if (name.endsWith(".") && !keepsPeriod(last)) name = name.slice(0, -1);
  }
  return name;
}

/**
 * A person's name without the titles and roles printed before it: what
 * follows the last title word, as long as a real name is left
 * ("White House Press Secretary Karine Jean-Pierre" → "Karine Jean-Pierre";
 * "Martin Luther King Jr." stays whole, since only "Jr." follows "King").
 */
export function stripRoles(name: string): string {
  const tokens = name.split(" ").filter((token) => token !== "");
  for (let index = tokens.length - 2; index >= 0; index -= 1) {
    if (!isTitleWord(tokens[index] ?? "")) continue;
    let start = index + 1;
    while (start < tokens.length - 1 && ROLE_FILLERS.has(bare(tokens[start] ?? ""))) start += 1;
    const rest = tokens.slice(start);
    // "Prince of Wales" is a role through and through; "Secretary of State Antony Blinken" ends in a name.
    const roleGoesOn = bare(tokens[index + 1] ?? "") === "of" && rest.length < 2;
    if (!roleGoesOn && rest.some((token) => !isSuffix(token) && !isTitleWord(token))) return rest.join(" ");
  }
  return tokens.join(" ");
}

/** Letters Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ø: "o",
  Ø: "O",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ß: "ss",
  đ: "d",
  Đ: "D",
  ł: "l",
  Ł: "L",
  þ: "th",
  Þ: "TH",
  ð: "d",
  Ð: "D",
  ı: "i",
};

const keys = new Map<string, string>();

/** URL-safe slug of a canonical name: the same name always gets the same key ("José Andrés" → "jose-andres"). */
export function entityKey(name: string): string {
  // Names recur in every article; remembering their keys keeps extraction cheap (bounded, so memory is too).
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size >= 100_000) keys.clear();
    keys.set(name, (key = slug(name)));
  }
  return key;
}

function slug(name: string): string {
  return name
    .replace(/[øØæÆœŒßđĐłŁþÞðÐı]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The surname as printed: the last word that is not "Jr." and the like. */
export function surnameOf(name: string): string {
  return [...name.split(" ")].reverse().find((token) => !isSuffix(token)) ?? "";
}

type Lexicon = Readonly<Record<string, string | readonly string[] | undefined>>;
/** compromise's own word list (https://github.com/spencermountain/compromise/tree/master/data/lexicon). */
const LEXICON = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
const NAME_TAGS: ReadonlySet<string> = new Set([
  "FirstName",
  "MaleName",
  "FemaleName",
  "LastName",
  "Person",
  "ProperNoun",
  "Place",
  "City",
  "Country",
  "Region",
  "Organization",
  "SportsTeam",
  "Abbreviation",
]);

/** The tags compromise's word list gives a word (lower case), empty when it does not list it. */
export function lexiconTags(word: string): readonly string[] {
  const entry = LEXICON[word.toLowerCase()];
  return entry === undefined ? [] : typeof entry === "string" ? [entry] : entry;
}

/** A word compromise lists only as a common word ("Strip", "Majority"): capitalised, it is still no name. */
export function isCommonWord(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.length > 0 && !tags.some((tag) => NAME_TAGS.has(tag));
}

/**
 * Rejects what is not a proper name: lower-case words, pronouns, dates,
 * numbers, titles on their own, contractions, a dangling initial, and
 * single words compromise knows as common words. A lone surname or an
 * unknown word ("Hamas") passes.
 */
export function isPlausibleName(name: string): boolean {
  const tokens = name.split(" ");
  const last = tokens.at(-1) ?? "";
  if (tokens.length === 0 || tokens.length > 6) return false;
  if (!/^\p{Lu}/u.test(name) && !NAME_PREFIX.test(name)) return false;
  if (!/\p{L}{2}/u.test(name) || /['’](?:ve|re|ll|d|m|t)\b/iu.test(name)) return false;
  if (!tokens.every((token) => isCapitalised(token) || PARTICLES.has(token.toLowerCase()))) return false;
  if (PARTICLES.has(last.toLowerCase()) || (tokens.length > 1 && /^\p{Lu}\.?$/u.test(last))) return false;
  if (tokens.every((token) => DATE_WORDS.has(bare(token)) || /^\p{N}/u.test(token))) return false;
  if (tokens.every((token) => isTitleWord(token) || isSuffix(token))) return false;
  if (tokens.length === 1) {
    const word = name.toLowerCase().replace(/\./g, "");
    if (STOP_WORDS.has(word) || DATE_WORDS.has(word)) return false;
    const acronym = /^\p{Lu}{2,6}$/u.test(name);
    if (!acronym && isCommonWord(word)) return false;
  }
  return true;
}
