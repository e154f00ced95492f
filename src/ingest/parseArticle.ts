/**
 * One decoded seed file → one `Article` record. Pure: text in, record out,
 * every problem a diagnostic on the record. Nothing here throws on bad input.
 */
import { basename } from "node:path";
import type { Article, BodyBlock, DateConflict, DateSource, IsoDate, TitleSource } from "../article.ts";
import { diagnostic, type Diagnostic, type DiagnosticCode } from "../diagnostics.ts";
import { readArticleHeader } from "./articleHeader.ts";
import { idFromFileName, slugify } from "./articleId.ts";
import { isoDate, readLeadingDate, type DateReading } from "./calendarDates.ts";
import { examineDate } from "./dateDetective.ts";
import { splitDateline } from "./dateline.ts";
import { extractFigures } from "./figures.ts";
import { readFrontMatter, type RawFrontMatter } from "./frontMatter.ts";
import { listField, textField, type FieldResult } from "./frontMatterFields.ts";
import { deriveHeadline, leadSentence } from "./headline.ts";
import type { IngestOptions } from "./ingestOptions.ts";
import { countWords, plainText } from "./plainText.ts";
import { splitBlocks, type TextBlock } from "./textBlocks.ts";
import { findTextDates } from "./textDates.ts";

/** A seed's text after decoding, with what decoding had to say about it. */
export interface DecodedSeed {
  readonly file: string;
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

const RULE_BLOCK = /^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
const FILE_NAME_DATE = /(?:^|\D)(?<year>(?:19|20)\d\d)-(?<month>\d\d)-(?<day>\d\d)(?:\D|$)/;

/** Leading and trailing `---` rules frame the story in some exports; they are not part of it. */
function trimRules(blocks: TextBlock[]): TextBlock[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && RULE_BLOCK.test(blocks[start]?.text ?? "")) start++;
  while (end > start && RULE_BLOCK.test(blocks[end - 1]?.text ?? "")) end--;
  return blocks.slice(start, end);
}

function fileNameDate(file: string): IsoDate | null {
  const groups = FILE_NAME_DATE.exec(basename(file))?.groups;
  return groups ? isoDate(Number(groups["year"]), Number(groups["month"]), Number(groups["day"])) : null;
}

function blockText(block: BodyBlock): string {
  return block.kind === "paragraph" ? block.text : `${block.caption} ${block.credit}`;
}

export function parseArticle(seed: DecodedSeed, options: IngestOptions): Article {
  const { file } = seed;
  const diagnostics: Diagnostic[] = [...seed.diagnostics];
  const report = (code: DiagnosticCode, message: string, line?: number) => diagnostics.push(diagnostic(code, file, message, line));

  // Front matter: fields win over anything found in the text.
  const front = readFrontMatter(seed.text);
  const data: RawFrontMatter = front.kind === "data" ? front.data : {};
  const lineOffset = front.kind === "data" || front.kind === "refused" ? front.lineOffset : 0;
  if (front.kind === "refused") {
    report(
      "FRONT_MATTER_REFUSED",
      `front matter in “${front.language}” was not read: only YAML front matter is, and code in an article is never run. Its fields were ignored.`,
      1,
    );
  } else if (front.kind === "invalid") {
    report("FRONT_MATTER_INVALID", `front matter could not be read (${front.reason}); the block is kept as text.`, 1);
  } else if (front.kind === "unterminated") {
    report("FRONT_MATTER_UNTERMINATED", "the file opens with `---` but no closing `---` follows; the whole file is read as text.", 1);
  }
  const field = <T>(result: FieldResult<T>): T | null => {
    if (result.problem !== null) report("FRONT_MATTER_FIELD", `${result.problem}; it was ignored.`, 1);
    return result.value;
  };
  const frontDate = (name: string): IsoDate | null => {
    const text = field(textField(data, name));
    if (text === null) return null;
    const reading: DateReading | null = readLeadingDate(text, options.numericDates);
    if (reading?.kind === "date") return reading.date;
    if (reading?.kind === "ambiguous") {
      report(
        "AMBIGUOUS_DATE",
        `front matter \`${name}: ${text}\` could be ${reading.monthFirst} (month first) or ${reading.dayFirst} (day first); it was not used. Build with --numeric-dates month-first or day-first to choose.`,
        1,
      );
    } else {
      report("FRONT_MATTER_FIELD", `\`${name}: ${text}\` is not a date Clippings can read (write it as YYYY-MM-DD); it was ignored.`, 1);
    }
    return null;
  };

  // The header above the story: headline, date lines, byline.
  const header = readArticleHeader(front.content.split("\n"), options.numericDates);
  const at = (line: number) => line + lineOffset;
  for (const item of header.ambiguous) {
    report(
      "AMBIGUOUS_DATE",
      `“${item.text}” could be ${item.monthFirst} (month first) or ${item.dayFirst} (day first); it was not used. Build with --numeric-dates month-first or day-first to choose.`,
      at(item.line),
    );
  }

  // The story: paragraphs, figures, dateline.
  let body: BodyBlock[] = extractFigures(trimRules(splitBlocks(header.lines, 1 + lineOffset)));
  let dateline = field(textField(data, "dateline"));
  const firstIndex = body.findIndex((block) => block.kind === "paragraph");
  const first = body[firstIndex];
  let lead = "";
  if (first?.kind === "paragraph") {
    const split = splitDateline(first.text);
    if (split.dateline !== null) {
      dateline ??= split.dateline;
      body = body.with(firstIndex, { ...first, text: split.text });
    }
    lead = plainText(leadSentence(split.text));
  }
  if (body.length === 0) report("EMPTY_BODY", "the article has no body text; it is published with its headline only.");

  // Headline.
  const frontTitle = field(textField(data, "title", "headline"));
  let title = frontTitle === null ? null : plainText(frontTitle);
  let titleSource: TitleSource = "front-matter";
  if (title === null && header.title !== null) {
    title = plainText(header.title.text);
    titleSource = "text";
  }
  if (title === null) {
    title = lead === "" ? idFromFileName(file) : deriveHeadline(lead);
    titleSource = "derived";
  }

  // Date, and where it came from.
  let date: IsoDate | null = null;
  let dateSource: DateSource | null = null;
  let statedLine: number | undefined;
  const fromFront = frontDate("date");
  const stated = header.published ?? header.updated;
  if (fromFront !== null) {
    date = fromFront;
    dateSource = { kind: "front-matter", text: String(data["date"]) };
  } else if (stated !== null) {
    date = stated.date;
    statedLine = at(stated.line);
    dateSource = { kind: "text-line", line: statedLine, text: stated.text };
  } else {
    const fromName = fileNameDate(file);
    if (fromName !== null) {
      date = fromName;
      dateSource = { kind: "file-name", text: basename(file) };
    }
  }
  const updated = frontDate("updated") ?? frontDate("modified") ?? header.updated?.date ?? null;

  // The date detective.
  let dateConflict: DateConflict | null = null;
  if (date === null) {
    report(
      "NO_DATE",
      "no date found (no front matter `date`, no date line near the top, no date in the file name); the article is listed as undated.",
    );
  } else {
    const blocks = body.map((block) =>
      block.kind === "paragraph" ? { text: block.text, line: block.line } : { text: block.caption, line: block.line, caption: true },
    );
    const found = findTextDates(blocks, date, options.numericDates);
    const statedWritten =
      stated !== null && dateSource?.kind === "text-line"
        ? findTextDates([{ text: stated.text, line: at(stated.line) }], null, options.numericDates).explicit
        : [];
    const findings = examineDate(file, date, statedLine, found, options.today, statedWritten);
    dateConflict = findings.conflict;
    diagnostics.push(...findings.diagnostics);
  }

  // Identity: a slug from front matter is made safe for a URL, and said so when that changed it.
  const wantedId = field(textField(data, "id", "slug"));
  const id = wantedId === null ? idFromFileName(file) : slugify(wantedId);
  if (wantedId !== null && id !== wantedId)
    report("UNSAFE_ID", `the id “${wantedId}” is not safe in an address; the article is published as “${id}”.`, 1);

  const authors = field(listField(data, "author", "authors", "byline"));
  const byline = authors !== null && authors.length > 0 ? authors.join(" and ") : (header.byline?.text ?? null);

  return {
    id,
    sourceFile: file,
    title,
    titleSource,
    date,
    dateSource,
    updated,
    dateline,
    lead,
    byline,
    tags: field(listField(data, "tags", "keywords")) ?? [],
    people: field(listField(data, "people")) ?? [],
    places: field(listField(data, "places")) ?? [],
    summary: field(textField(data, "summary", "description")),
    source: field(textField(data, "source")),
    body,
    words: body.reduce((sum, block) => sum + countWords(blockText(block)), 0),
    dateConflict,
    diagnostics,
  };
}
