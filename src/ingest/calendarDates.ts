/**
 * Calendar dates as newsrooms write them (`2021-05-18`, `May 18, 2021`,
 * `18 May 2021`, `Tuesday, May 18, 2021`, `03/04/2021`), turned into
 * `YYYY-MM-DD` without ever passing through a time zone.
 */
import { isMatch } from "date-fns/isMatch";
import type { IsoDate } from "../article.ts";
import type { NumericDateOrder } from "./ingestOptions.ts";

/** Month names, lower case, January first. */
export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** Full names, three-letter abbreviations and `Sept`, with an optional period. */
const month = (group: string) =>
  String.raw`(?<${group}>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)`;
const weekday = (group: string) => String.raw`(?:(?<${group}>Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)`;
const day = (group: string) => String.raw`(?<${group}>[0-3]?\d)(?:st|nd|rd|th)?`;
const year = (group: string) => String.raw`(?<${group}>1[6-9]\d\d|2\d\d\d)`;

/**
 * One written date, as a regular-expression source with named groups:
 * `iso…`; `year`/`month`/`day`/`weekday` (month first); the same with a `2`
 * suffix (day first); `num1`/`num2`/`numYear` (numeric, order unknown).
 */
export const CALENDAR_DATE = [
  String.raw`(?<iso>(?<isoYear>\d{4})-(?<isoMonth>\d{2})-(?<isoDay>\d{2}))`,
  String.raw`${weekday("weekday")}?${month("month")}\s+${day("day")},?\s+${year("year")}`,
  String.raw`${weekday("weekday2")}?${day("day2")}\s+${month("month2")},?\s+${year("year2")}`,
  String.raw`(?<num1>[0-3]?\d)(?<sep>[/.])(?<num2>[0-3]?\d)\k<sep>(?<numYear>1[6-9]\d\d|2\d\d\d)`,
]
  .map((alternative) => `(?:${alternative})`)
  .join("|");

export type DateReading =
  | { readonly kind: "date"; readonly date: IsoDate }
  /** A numeric date that is a real day read either way, with no setting to choose. */
  | { readonly kind: "ambiguous"; readonly monthFirst: IsoDate; readonly dayFirst: IsoDate };

/** `YYYY-MM-DD` when the parts name a real calendar day, otherwise `null`. */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  // isMatch rejects 2021-02-30 and friends, which a Date would silently roll over.
  return isMatch(iso, "yyyy-MM-dd") ? iso : null;
}

/** 1-12 for a month name or abbreviation (`Sept.`, `May`), otherwise `null`. */
export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, "").slice(0, 3);
  const index = MONTHS.findIndex((candidate) => candidate.startsWith(key));
  return index === -1 ? null : index + 1;
}

function numericReading(first: number, second: number, yearValue: number, order: NumericDateOrder | undefined): DateReading | null {
  const monthFirst = isoDate(yearValue, first, second);
  const dayFirst = isoDate(yearValue, second, first);
  const chosen = order === "month-first" ? monthFirst : order === "day-first" ? dayFirst : null;
  if (order !== undefined) return chosen === null ? null : { kind: "date", date: chosen };
  if (monthFirst !== null && dayFirst !== null && monthFirst !== dayFirst) return { kind: "ambiguous", monthFirst, dayFirst };
  const only = monthFirst ?? dayFirst;
  return only === null ? null : { kind: "date", date: only };
}

/** The calendar day named by a match of {@link CALENDAR_DATE}, or why there is none. */
export function readDateMatch(groups: Record<string, string | undefined>, order?: NumericDateOrder): DateReading | null {
  if (groups["iso"] !== undefined) {
    const date = isoDate(Number(groups["isoYear"]), Number(groups["isoMonth"]), Number(groups["isoDay"]));
    return date === null ? null : { kind: "date", date };
  }
  if (groups["num1"] !== undefined) {
    return numericReading(Number(groups["num1"]), Number(groups["num2"]), Number(groups["numYear"]), order);
  }
  const monthName = groups["month"] ?? groups["month2"];
  const monthValue = monthName === undefined ? null : monthNumber(monthName);
  const date =
    monthValue === null ? null : isoDate(Number(groups["year"] ?? groups["year2"]), monthValue, Number(groups["day"] ?? groups["day2"]));
  return date === null ? null : { kind: "date", date };
}

const WHOLE_DATE = new RegExp(String.raw`^\s*(?:${CALENDAR_DATE})`, "i");

/** The date at the start of `text` (`2021-05-18T10:00:00-07:00`, `May 18, 2021`), ignoring what follows. */
export function readLeadingDate(text: string, order?: NumericDateOrder): DateReading | null {
  const groups = WHOLE_DATE.exec(text)?.groups;
  return groups ? readDateMatch(groups, order) : null;
}
