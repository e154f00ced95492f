/**
 * Finds the date an article states for itself: a line near the top that is a
 * date (`September 28, 2023`), or starts with one after a label
 * (`date 2021-05-18 President Joe Biden ...`, `Published: May 18, 2021`).
 */
import type { IsoDate } from "../article.ts";
import { CALENDAR_DATE, dateFromMatch } from "./calendarDates.ts";

export interface StatedDate {
  readonly date: IsoDate;
  /** 1-based line number of the date line. */
  readonly line: number;
  /** The date as written, with its label (`date 2021-05-18`). */
  readonly text: string;
  /** Text that shared the line after the date: the start of the first paragraph. */
  readonly rest: string;
}

/** Only the opening lines can state the article's date; later dates are part of the story. */
const LEADING_LINES = 6;

const TIME = String.raw`(?:,?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?`;
const DATE_LINE = new RegExp(
  String.raw`^\s*(?<label>(?:date|dated|published|posted)\s*:?\s*)?(?<date>${CALENDAR_DATE})${TIME}(?<rest>.*)$`,
  "i",
);

/**
 * The stated date in `lines` (the whole file, split on newlines), or `null`.
 * A date with text after it counts only when a label (`date`, `Published:`)
 * says it is the article's date, so an opening sentence that merely starts
 * with a date is not mistaken for one.
 */
export function findStatedDate(lines: readonly string[]): StatedDate | null {
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    if (++seen > LEADING_LINES) break;
    const match = DATE_LINE.exec(line);
    const groups = match?.groups;
    if (!match || !groups) continue;
    const rest = (groups["rest"] ?? "").trim();
    const labelled = groups["label"] !== undefined;
    if (rest !== "" && !labelled) continue;
    const date = dateFromMatch(groups);
    if (date === null) continue;
    const text = line.trim().slice(0, line.trim().length - rest.length).trim();
    return { date, line: index + 1, text, rest };
  }
  return null;
}
