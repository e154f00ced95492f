/**
 * The lines above the story: headline (`# Headline`, or a plain line above a
 * date line), date lines (published, updated), byline, rules. Scanning stops
 * at the first line of the story itself.
 */
import type { IsoDate } from "../article.ts";
import { readDateLine, type DateLine } from "./statedDateLine.ts";
import type { NumericDateOrder } from "./ingestOptions.ts";

export interface HeaderLine {
  readonly text: string;
  /** 1-based index into the lines given. */
  readonly line: number;
}

export interface StatedDate extends HeaderLine {
  readonly date: IsoDate;
}

export interface AmbiguousDate extends HeaderLine {
  readonly monthFirst: IsoDate;
  readonly dayFirst: IsoDate;
}

export interface ArticleHeader {
  readonly title: HeaderLine | null;
  readonly published: StatedDate | null;
  readonly updated: StatedDate | null;
  readonly byline: HeaderLine | null;
  readonly ambiguous: readonly AmbiguousDate[];
  /** The input lines with header lines blanked; a date prefix leaves the rest of its line. */
  readonly lines: readonly string[];
}

/** Only the opening lines can be header lines; after that, everything is story. */
const LEADING_LINES = 8;
const MAX_HEADLINE = 200;

const MARKDOWN_HEADLINE = /^#{1,2}\s+(?<title>\S.*?)\s*#*\s*$/;
const RULE = /^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
const BYLINE = /^\s*By\s+(?<name>[\p{Lu}][\p{L}\p{M}.'’ -]+(?:(?:,| and| &)\s*[\p{Lu}][\p{L}\p{M}.'’ -]+)*)(?:,\s*[\p{L} ]{1,40})?\s*$/u;

function isPlainHeadline(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_HEADLINE && !/[.:;,]$/.test(text) && !/^[-–—*]/.test(text);
}

export function readArticleHeader(input: readonly string[], order?: NumericDateOrder): ArticleHeader {
  const lines = [...input];
  let title: HeaderLine | null = null;
  let published: StatedDate | null = null;
  let updated: StatedDate | null = null;
  let byline: HeaderLine | null = null;
  const ambiguous: AmbiguousDate[] = [];
  /** A plain first line that is the headline only if header lines follow it. */
  let candidate: HeaderLine | null = null;
  let seen = 0;

  const take = (index: number, dateLine: DateLine | null): boolean => {
    const raw = lines[index] ?? "";
    const line = index + 1;
    if (RULE.test(raw)) return true;
    const headline = MARKDOWN_HEADLINE.exec(raw)?.groups?.["title"];
    if (headline !== undefined) {
      if (title !== null || published !== null) return false;
      title = { text: headline, line };
      return true;
    }
    if (dateLine !== null) {
      if (dateLine.reading.kind === "ambiguous") {
        ambiguous.push({ text: dateLine.text, line, monthFirst: dateLine.reading.monthFirst, dayFirst: dateLine.reading.dayFirst });
      } else if (dateLine.label === "updated") {
        updated ??= { text: dateLine.text, line, date: dateLine.reading.date };
      } else if (published === null) {
        published = { text: dateLine.text, line, date: dateLine.reading.date };
      } else {
        return false;
      }
      return true;
    }
    const name = BYLINE.exec(raw);
    if (name !== null && byline === null) {
      byline = { text: raw.trim(), line };
      return true;
    }
    return false;
  };

  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === "") continue;
    if (++seen > LEADING_LINES) break;
    const dateLine = readDateLine(raw, order);
    if (!take(index, dateLine)) {
      if (seen === 1 && isPlainHeadline(raw)) {
        candidate = { text: raw.trim(), line: index + 1 };
        continue;
      }
      break;
    }
    if (candidate !== null) {
      title = candidate;
      lines[candidate.line - 1] = "";
      candidate = null;
    }
    // A date that shares its line with the first paragraph ends the header there.
    if (dateLine !== null && dateLine.rest !== "") {
      lines[index] = dateLine.rest;
      break;
    }
    lines[index] = "";
  }

  return { title, published, updated, byline, ambiguous, lines };
}
