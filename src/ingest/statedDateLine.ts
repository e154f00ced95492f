/**
 * A line that states a date: alone (`September 28, 2023`), labelled
 * (`Published: May 18, 2021 4:05 PM EDT`, `Published :\`2024-07-16 23:37:19\``,
 * `Updated: ...`), or as a prefix of the first paragraph (`date 2021-05-18 President ...`).
 */
import { CALENDAR_DATE, readDateMatch, type DateReading } from "./calendarDates.ts";
import type { NumericDateOrder } from "./ingestOptions.ts";

export type DateLabel = "published" | "updated" | null;

export interface DateLine {
  readonly reading: DateReading;
  readonly label: DateLabel;
  /** The date as written, with its label (`date 2021-05-18`). */
  readonly text: string;
  /** Text after the date on the same line: the start of the first paragraph. */
  readonly rest: string;
}

const LABEL = String.raw`(?<label>(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|(?:last\s+)?(?:updated|modified)(?:\s+on)?|date[d]?)`;
const TIME = String.raw`(?:(?:,?\s+(?:at\s+)?|T)\d{1,2}(?::\d{2}){0,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}\b))?)?`;
const DATE_LINE = new RegExp(String.raw`^\s*(?:${LABEL}\s*:?\s*)?[\`'"“]?(?<date>${CALENDAR_DATE})${TIME}[\`'"”]?(?<rest>.*)$`, "i");

function labelOf(label: string | undefined): DateLabel {
  if (label === undefined) return null;
  return /updated|modified/i.test(label) ? "updated" : "published";
}

/**
 * The date `line` states, or `null`. Text after the date counts only when a
 * label says the date is the article's, so an opening sentence that merely
 * starts with a date is not mistaken for one.
 */
export function readDateLine(line: string, order?: NumericDateOrder): DateLine | null {
  const match = DATE_LINE.exec(line);
  const groups = match?.groups;
  if (!match || !groups) return null;
  // "May 18, 2021." on its own line is still a date line.
  const rest = (groups["rest"] ?? "").trim().replace(/^\.$/, "");
  const labelText = groups["label"];
  if (rest !== "" && (labelText === undefined || /^[,.;:]/.test(rest))) return null;
  const reading = readDateMatch(groups, order);
  if (reading === null) return null;
  const written = line.trim();
  return { reading, label: labelOf(labelText), text: written.slice(0, written.length - rest.length).trim(), rest };
}
