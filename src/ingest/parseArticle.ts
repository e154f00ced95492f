/**
 * One seed file → one `Article` record. Pure: text in, record out, every
 * problem a diagnostic on the record. Nothing here throws on bad input.
 */
import type { Article, BodyBlock, DateSource, IsoDate, TitleSource } from "../article.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { idFromFileName, slugify } from "./articleId.ts";
import { findDateConflict } from "./dateConflict.ts";
import { splitDateline } from "./dateline.ts";
import { extractFigures } from "./figures.ts";
import { readFrontMatter, type RawFrontMatter } from "./frontMatter.ts";
import { deriveHeadline, leadSentence } from "./headline.ts";
import { findStatedDate } from "./statedDate.ts";
import { isoDate } from "./calendarDates.ts";
import { findTextDates } from "./textDates.ts";
import { splitBlocks } from "./textBlocks.ts";
import type { RawSeed } from "./rawSeed.ts";

const MARKDOWN_HEADLINE = /^#\s+(?<title>\S.*?)\s*#*\s*$/;

function stringField(data: RawFrontMatter, ...names: string[]): string | null {
  for (const name of names) {
    const value = data[name];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
    if (typeof value === "number") return String(value);
  }
  return null;
}

/** A front-matter date: YAML gives a `Date` for `2021-05-18`, a string for most other forms. */
function frontMatterDate(value: unknown): IsoDate | null {
  // js-yaml reads a bare date as UTC midnight, so its UTC fields are the calendar day written.
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === "string") return findStatedDate([value])?.date ?? null;
  return null;
}

export function parseArticle(seed: RawSeed): Article {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: Diagnostic["code"], message: string, line?: number) =>
    diagnostics.push(line === undefined ? { code, severity: "warning", file: seed.file, message } : { code, severity: "warning", file: seed.file, line, message });

  if (!seed.utf8) warn("not-utf8", "the file is not valid UTF-8; it was read as Windows-1252. Save it as UTF-8 to be sure every character is right.");

  const text = seed.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const front = readFrontMatter(text);
  const data: RawFrontMatter = front.kind === "data" ? front.data : {};
  const lineOffset = front.kind === "data" || front.kind === "refused" ? front.lineOffset : 0;
  if (front.kind === "refused") {
    warn("front-matter-code", `front matter in "${front.language}" is code and was not run; only YAML or JSON front matter is read. Its fields were ignored.`, 1);
  } else if (front.kind === "invalid") {
    warn("front-matter-invalid", `front matter could not be read (${front.reason}); the file is published as plain text.`, 1);
  }

  const lines = front.content.split("\n");

  let title = stringField(data, "title", "headline");
  let titleSource: TitleSource = "front-matter";
  const headlineIndex = lines.findIndex((line) => line.trim() !== "");
  const headlineMatch = MARKDOWN_HEADLINE.exec(lines[headlineIndex] ?? "");
  if (headlineMatch?.groups?.["title"] !== undefined) {
    lines[headlineIndex] = "";
    if (title === null) {
      title = headlineMatch.groups["title"];
      titleSource = "text";
    }
  }

  let date: IsoDate | null = null;
  let dateSource: DateSource | null = null;
  const frontDateValue = data["date"];
  if (frontDateValue !== undefined) {
    date = frontMatterDate(frontDateValue);
    if (date !== null) dateSource = { kind: "front-matter", text: String(frontDateValue instanceof Date ? date : frontDateValue) };
  }
  if (date === null) {
    const stated = findStatedDate(lines);
    if (stated !== null) {
      date = stated.date;
      dateSource = { kind: "text-line", line: stated.line + lineOffset, text: stated.text };
      lines[stated.line - 1] = stated.rest;
    }
  }

  const blocks = splitBlocks(lines, 1 + lineOffset);
  let body: BodyBlock[] = extractFigures(blocks);

  let dateline = stringField(data, "dateline");
  const firstIndex = body.findIndex((block) => block.kind === "paragraph");
  const first = body[firstIndex];
  let lead = "";
  if (first?.kind === "paragraph") {
    const split = splitDateline(first.text);
    if (split.dateline !== null) {
      dateline ??= split.dateline;
      body = body.with(firstIndex, { ...first, text: split.text });
    }
    lead = leadSentence(split.text);
  }

  if (title === null) {
    title = lead === "" ? idFromFileName(seed.file) : deriveHeadline(lead);
    titleSource = "derived";
  }

  if (body.length === 0) warn("empty-article", "the file has no body text; it is listed with its file name as its title.");

  let dateConflict = null;
  if (date === null) {
    warn("no-date", "no date found (no front matter `date`, no date line near the top); the article is listed as undated.");
  } else {
    const textDates = findTextDates(body.map((block) => (block.kind === "paragraph" ? block.text : block.caption)));
    dateConflict = findDateConflict(date, textDates);
    if (dateConflict !== null) {
      warn(
        "date-conflict",
        `stated date ${date} conflicts with the dates in its text (${dateConflict.textDates.join(", ")}); ` +
          `the text points to ${dateConflict.suggestedDate}. The stated date is kept: check the source.`,
        dateSource?.kind === "text-line" ? dateSource.line : undefined,
      );
    }
  }

  const id = slugify(stringField(data, "id", "slug") ?? idFromFileName(seed.file));
  return { id, sourceFile: seed.file, title, titleSource, date, dateSource, dateline, lead, body, dateConflict, diagnostics };
}
