/**
 * Full calendar dates (day, month and year) written anywhere in a text.
 * Partial dates (`May 7`, `Monday`) are not evidence on their own.
 */
import type { IsoDate } from "../article.ts";
import { CALENDAR_DATE, dateFromMatch } from "./calendarDates.ts";

/** Distinct dates mentioned in `texts`, ascending. */
export function findTextDates(texts: readonly string[]): IsoDate[] {
  const found = new Set<IsoDate>();
  const pattern = new RegExp(String.raw`\b(?:${CALENDAR_DATE})\b`, "gi");
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const date = match.groups ? dateFromMatch(match.groups) : null;
      if (date !== null) found.add(date);
    }
  }
  return [...found].sort();
}
