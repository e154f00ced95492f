/**
 * Calendar dates as newsrooms write them (`2021-05-18`, `May 18, 2021`,
 * `18 May 2021`, `Tuesday, May 18, 2021`), turned into `YYYY-MM-DD` without
 * ever passing through a time zone.
 */
import { isMatch } from "date-fns";
import type { IsoDate } from "../article.ts";

const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
] as const;

/** Full names, three-letter abbreviations and `Sept`, with an optional period. */
const month = (group: string) =>
  String.raw`(?<${group}>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)`;
const weekday = (group: string) =>
  String.raw`(?:(?<${group}>Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)`;
const day = (group: string) => String.raw`(?<${group}>[0-3]?\d)(?:st|nd|rd|th)?`;
const year = (group: string) => String.raw`(?<${group}>1[6-9]\d\d|2\d\d\d)`;

/**
 * One written date, as a regular-expression source with named groups
 * (`iso…`, or `year`/`month`/`day`/`weekday` with a `2` suffix for day-first dates).
 */
export const CALENDAR_DATE = [
  String.raw`(?<iso>(?<isoYear>\d{4})-(?<isoMonth>\d{2})-(?<isoDay>\d{2}))`,
  String.raw`${weekday("weekday")}?${month("month")}\s+${day("day")},?\s+${year("year")}`,
  String.raw`${weekday("weekday2")}?${day("day2")}\s+${month("month2")},?\s+${year("year2")}`,
].map((alternative) => `(?:${alternative})`).join("|");

/** `YYYY-MM-DD` when the parts name a real calendar day, otherwise `null`. */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  // isMatch rejects 2021-02-30 and friends, which a Date would silently roll over.
  return isMatch(iso, "yyyy-MM-dd") ? iso : null;
}

/** 1-12 for a month name or abbreviation (`Sept.`, `May`), otherwise `null`. */
export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, "").slice(0, 3);
  const index = MONTHS.findIndex((month) => month.startsWith(key));
  return index === -1 ? null : index + 1;
}

/** The calendar day named by a match of {@link CALENDAR_DATE}. */
export function dateFromMatch(groups: Record<string, string | undefined>): IsoDate | null {
  if (groups["iso"] !== undefined) {
    return isoDate(Number(groups["isoYear"]), Number(groups["isoMonth"]), Number(groups["isoDay"]));
  }
  const monthName = groups["month"] ?? groups["month2"];
  const month = monthName === undefined ? null : monthNumber(monthName);
  const day = Number(groups["day"] ?? groups["day2"]);
  const year = Number(groups["year"] ?? groups["year2"]);
  return month === null ? null : isoDate(year, month, day);
}
