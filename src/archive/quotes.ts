/**
 * Direct quotations and who said them, for quote collections and entity
 * pages. Only a quotation whose own sentence names a person counts: “…,”
 * said Logan Bayroff; “…” Jen Psaki told reporters; Netanyahu said: “…”.
 * A statement, letter or readout ("a White House statement said", "said
 * the letter") is skipped rather than credited to an institution: these
 * are people's words, and an organisation's page is not a speaker's.
 * Single quotation marks are not read, since they cannot be told from
 * apostrophes and mostly mark paraphrase in news copy.
 */
import { paragraphsOf, type Article } from "../article.ts";
import { kindOfName, type EntityMention } from "./entities.ts";
import { entityKey, isCapitalised, isCommonWord, isPlausibleName, isSuffix, keepsPeriod, stripRoles, tidyName } from "./personNames.ts";

export interface Quote {
  /** Without the quotation marks and the comma before the attribution. */
  readonly text: string;
  /** The speaker's full name where the article gives it ("Benjamin Netanyahu" for "said Netanyahu"). */
  readonly speaker: string;
  /** The key of the speaker among the article's entity mentions, `null` when they are not among them. */
  readonly speakerKey: string | null;
  /** Line of the paragraph the quotation is in. */
  readonly line: number;
}

/** Shorter runs are scare quotes around a word or two (“vigorously”), not quotations. */
export const MIN_QUOTE_WORDS = 4;

const QUOTATION = /[“"]([^“”"]+)[”"]/g;
const SPEECH_VERB =
  /^(?:said|says|told|tells|added|adds|wrote|writes|explained|explains|continued|insisted|argued|noted|stated|recalled|warned|replied|asked|tweeted|posted|acknowledged|admitted|declared|remarked|conceded)$/;
/** A subject starting so is a thing or a pronoun, never a named person ("the letter", "a White House statement", "he"). */
const NOT_A_NAME_START = /^(?:the|a|an|his|her|its|their|our|one|this|that|these|those|he|she|they|we|i|it|you|officials?|sources?)$/;
/** Words ending an attribution's subject when said comes first ("said Jen Psaki at a briefing"). */
const SUBJECT_ENDS = /^(?:at|in|on|to|for|from|with|who|when|while|after|before|during|and|but|adding|according|as|of|about)$/;
/** Abbreviations inside a name or title whose period ends no sentence. */
const TITLE_ABBREVIATION = /^(?:sen|rep|gov|gen|lt|col|sgt|capt|adm|dr|mr|mrs|ms|prof|rev|st|jr|sr)\.$/i;

/** "Jean -Pierre" → "Jean-Pierre", as entity extraction reads it. */
const tidyText = (text: string) => text.replace(/(\p{L}) -(\p{L})/gu, "$1-$2");

const word = (token: string) => token.replace(/^[“"‘(]+|[”"’),.:;!?]+$/g, "");
const endsSentence = (token: string) =>
  /[.!?]["”’)]*$/.test(token) && !keepsPeriod(token) && !TITLE_ABBREVIATION.test(token) && !/^\p{Lu}\.$/u.test(token);

/**
 * The person a subject phrase names: the part before an appositive comma
 * ("Karine Jean-Pierre, White House Assistant Secretary"), its last run of
 * capitalised words ("White House spokeswoman Jen Psaki" → "Jen Psaki"),
 * without titles. `null` for a thing or a pronoun.
 */
export function nameInSubject(subject: string): string | null {
  const tokens =
    subject
      .replace(/\([^)]*\)/g, " ")
      .split(",")[0]
      ?.trim()
      .split(/\s+/)
      .filter((token) => token !== "") ?? [];
  if (tokens.length === 0 || NOT_A_NAME_START.test(word(tokens[0] ?? "").toLowerCase())) return null;
  let run: string[] = [];
  let last: string[] = [];
  for (const token of tokens) {
    const bare = word(token);
    const inName = isCapitalised(bare) || (run.length > 0 && NAME_PARTICLES.test(bare));
    if (inName) run.push(token);
    if (!inName || /['’]s$/.test(bare)) {
      if (run.length > 0) last = run;
      run = [];
    }
  }
  if (run.length > 0) last = run;
  while (last.length > 0 && NAME_PARTICLES.test(word(last.at(-1) ?? ""))) last = last.slice(0, -1);
  const name = personName(last);
  // An acronym speaking is an organisation ("the MTA said").
  return name === null || /^\p{Lu}{2,}$/u.test(name.replace(/[.&]/g, "")) ? null : name;
}

/** Lower-case words inside a person's or an organisation's name ("Bank of America", "Mohammed bin Salman"). */
const NAME_PARTICLES = /^(?:of|de|del|della|der|den|di|da|du|dos|das|la|le|van|von|bin|ibn|al|el)$/;

/** Capitalised tokens as a person's name: without a leading sentence word ("However"), titles or roles; `null` if none is left. */
function personName(tokens: readonly string[]): string | null {
  const rest = [...tokens];
  while (rest.length > 1 && (isCommonWord(word(rest[0] ?? "")) || !isPlausibleName(tidyName(rest[0] ?? "")))) rest.shift();
  const name = stripRoles(tidyName(rest.join(" ")));
  return name !== "" && isPlausibleName(name) ? name : null;
}

/** The subject of an attribution following a quotation: "said Logan Bayroff, …" or "White House spokeswoman Jen Psaki told …". */
function subjectAfter(after: string): string | undefined {
  const tokens = after
    .trim()
    .replace(/^[,–—-]\s*/, "")
    .split(/\s+/)
    .slice(0, 14);
  const first = tokens[0] ?? "";
  if (SPEECH_VERB.test(word(first).toLowerCase()) && !endsSentence(first) && !/,$/.test(first)) {
    const subject: string[] = [];
    for (const token of tokens.slice(1)) {
      if (SUBJECT_ENDS.test(word(token).toLowerCase()) || /[“"]/.test(token)) break;
      subject.push(token);
      if (/[,;:]$/.test(token) || endsSentence(token)) break;
    }
    return subject.join(" ");
  }
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? "";
    if (index > 0 && SPEECH_VERB.test(word(token).toLowerCase())) return tokens.slice(0, index).join(" ");
    if (endsSentence(token) || /[“"]/.test(token)) return undefined;
  }
  return undefined;
}

/** The subject of an attribution leading into a quotation: "Netanyahu said:", "Jean-Pierre said she would". */
function subjectBefore(before: string): string | undefined {
  const clause = before.split(/(?<=[.!?][”"’)]?)\s+|[“”"]/).at(-1) ?? "";
  const match = /(?:^|,\s*|\s)([^,]*?)\s+(\p{Ll}+)((?:\s+\p{Ll}[\p{L}’'-]*){0,3})\s*[:,]?\s*$/u.exec(clause);
  if (match === null || !SPEECH_VERB.test(match[2] ?? "")) return undefined;
  return match[1];
}

interface Attributed {
  readonly text: string;
  readonly name: string;
  readonly line: number;
}

/** A name's word keys without "Jr." and the like, so "Kennedy" ends "Robert F. Kennedy Jr.". */
const wordsOf = (name: string) =>
  name
    .split(" ")
    .filter((token) => !isSuffix(token))
    .map(entityKey);
const endsWithWords = (long: readonly string[], short: readonly string[]) =>
  short.length > 0 && short.length <= long.length && short.every((w, index) => long[long.length - short.length + index] === w);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The fullest form of a one-word name the text gives, most used first:
 * "Norden said" after "Lawrence Norden, senior director …", "Gonzalez"
 * after "Texas Rep. Vicente Gonzalez". Entity mentions cover only the
 * start of long articles (see `RECOGNITION_BUDGET`); this covers the rest.
 */
function fullNameInText(surname: string, text: string): string | undefined {
  const pattern = new RegExp(
    `((?:\\p{Lu}[\\p{L}.’'-]*\\s+(?:(?:of|de|del|van|von|bin|al)\\s+)*){1,6})${escapeRegExp(surname)}(?![\\p{L}])`,
    "gu",
  );
  const tally = new Map<string, number>();
  for (const match of text.matchAll(pattern)) {
    const tokens = `${match[1] ?? ""}${surname}`.split(/\s+/);
    // A period that is no initial's or title's ends a sentence: "Gaza. Houthi" is two.
    const sentenceEnd = tokens.findLastIndex((token, index) => index < tokens.length - 1 && endsSentence(token));
    const name = personName(tokens.slice(sentenceEnd + 1));
    if (name?.includes(" ") === true) tally.set(name, (tally.get(name) ?? 0) + 1);
  }
  return [...tally].sort(([, a], [, b]) => b - a)[0]?.[0];
}

/**
 * Who a name means in this article: an entity with that name, else the
 * person whose full name ends with it ("Netanyahu" → "Benjamin
 * Netanyahu"), else a fuller name from another quotation or from the text
 * ("Jean-Pierre" → "Karine Jean-Pierre"). `null` for a place or an
 * organisation: a name whose own words say so ("White House"), or an
 * entity of that kind with no fuller person's name behind it ("Reuters";
 * but "Netanyahu", filed as an organisation by an article that gives his
 * full name only late, is Benjamin Netanyahu).
 */
function resolve(
  name: string,
  mentions: readonly EntityMention[],
  speakers: readonly string[],
  text: string,
): { speaker: string; key: string | null } | null {
  const key = entityKey(name);
  const exact = mentions.find((mention) => mention.key === key);
  if (exact?.kind === "person") return { speaker: exact.name, key: exact.key };
  if (kindOfName(name) !== null || (exact !== undefined && name.includes(" "))) return null;
  const words = wordsOf(name);
  const fuller = mentions
    .filter((mention) => mention.kind === "person" && endsWithWords(wordsOf(mention.name), words))
    .sort((a, b) => b.count - a.count)[0];
  if (fuller !== undefined) return { speaker: fuller.name, key: fuller.key };
  const fullerSpeaker = speakers.find((speaker) => speaker.length > name.length && endsWithWords(wordsOf(speaker), words));
  const speaker = fullerSpeaker ?? (name.includes(" ") ? undefined : fullNameInText(name, text));
  if (speaker === undefined && exact !== undefined) return null;
  const full = speaker ?? name;
  const fullMention = mentions.find((mention) => mention.kind === "person" && mention.key === entityKey(full));
  const shorter = mentions.find((mention) => mention.kind === "person" && endsWithWords(wordsOf(full), wordsOf(mention.name)));
  return { speaker: full, key: fullMention?.key ?? shorter?.key ?? null };
}

/**
 * Direct quotations whose sentence names their speaker, in reading order.
 * With the article's entity mentions, a speaker named by surname gets the
 * full name and the entity key; without them `speakerKey` is `null`.
 */
export function extractQuotes(article: Article, mentions: readonly EntityMention[] = []): Quote[] {
  const found: Attributed[] = [];
  const paragraphs = paragraphsOf(article).map((paragraph) => ({ ...paragraph, text: tidyText(paragraph.text) }));
  for (const paragraph of paragraphs) {
    const text = paragraph.text;
    for (const match of text.matchAll(QUOTATION)) {
      const inner = (match[1] ?? "").trim().replace(/[,\s]+$/, "");
      if (inner.split(/\s+/).length < MIN_QUOTE_WORDS) continue;
      const start = match.index ?? 0;
      const after = subjectAfter(text.slice(start + match[0].length));
      const subject = after !== undefined ? after : subjectBefore(text.slice(0, start));
      const name = subject === undefined ? null : nameInSubject(subject);
      const line = paragraph.line + (text.slice(0, start).match(/\n/g)?.length ?? 0);
      if (name !== null) found.push({ text: inner, name, line });
    }
  }
  const speakers = found.map((quote) => quote.name);
  const text = paragraphs.map((paragraph) => paragraph.text).join("\n");
  const quotes: Quote[] = [];
  const seen = new Set<string>();
  for (const quote of found) {
    const resolved = resolve(quote.name, mentions, speakers, text);
    const id = `${resolved?.speaker}\u0000${quote.text}`;
    if (resolved === null || seen.has(id)) continue;
    seen.add(id);
    quotes.push({ text: quote.text, speaker: resolved.speaker, speakerKey: resolved.key, line: quote.line });
  }
  return quotes;
}
