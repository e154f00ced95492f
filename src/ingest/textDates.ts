/**
 * Dates an article's own words mention, found with chrono-node
 * (https://github.com/wanasit/chrono): full dates (`May 18, 2021`, with the
 * weekday written next to them, if any) and references relative to the
 * stated date (`yesterday`, `last Tuesday`, `on Wednesday`).
 */
import type { ParsedComponents } from "chrono-node";
// English alone: the package's index loads every language, 266 files, 0.3 s of each start under tsx.
import { casual, GB } from "chrono-node/en";
import { getDay } from "date-fns/getDay";
import { parseISO } from "date-fns/parseISO";
import { subDays } from "date-fns/subDays";
import type { IsoDate } from "../article.ts";
import { isoDate } from "./calendarDates.ts";
import type { NumericDateOrder } from "./ingestOptions.ts";

export interface TextBlockRef {
  readonly text: string;
  readonly line: number;
  /** A photo caption: photos are captioned with the day they were taken. */
  readonly caption?: boolean;
}

export interface ExplicitDate {
  readonly date: IsoDate;
  /** As written (`Tuesday, May 18, 2021`). */
  readonly text: string;
  readonly line: number;
  /** 0 (Sunday) to 6, when a weekday is written next to the date. */
  readonly writtenWeekday: number | null;
  readonly inCaption: boolean;
}

export interface RelativeDate {
  readonly date: IsoDate;
  readonly text: string;
  readonly line: number;
}

export interface TextDates {
  /** Every full date mentioned, in text order. */
  readonly explicit: readonly ExplicitDate[];
  /** References resolved against the stated date; empty when there is none. */
  readonly relative: readonly RelativeDate[];
}

// chrono is the costly step, so it only sees blocks that could hold a date.
const MAY_HOLD_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|yesterday|today|tomorrow|\blast (?:week|month|year)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bago\b/i;
const NUMERIC = /^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/;
/** chrono marks "nine days ago" as certain too: only a written year makes a date explicit. */
const WRITTEN_YEAR = /\b(?:1[6-9]|2\d)\d\d\b/;
const RELATIVE_TO_TODAY = /yesterday|tomorrow|\bago\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?$|^last (?:week|month|year)$/i;
const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/** "Tuesday, May 18, 2021" states a weekday for the date; "last Friday, 03/04" does not. */
const WEEKDAY_FIRST = /^(?:on\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+\S/i;
const BARE_WEEKDAY = /^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day,?$/i;
const MONTH_FIRST = casual;
const DAY_FIRST = GB;

function componentsDate(components: ParsedComponents): IsoDate | null {
  const year = components.get("year");
  const month = components.get("month");
  const day = components.get("day");
  return year === null || month === null || day === null ? null : isoDate(year, month, day);
}

/** News writes "on Wednesday" for the most recent Wednesday, never a future one. */
function lastWeekday(reference: IsoDate, weekday: number): IsoDate {
  const ref = parseISO(reference);
  const back = (getDay(ref) - weekday + 7) % 7;
  const date = subDays(ref, back);
  return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate()) ?? reference;
}

export function findTextDates(blocks: readonly TextBlockRef[], reference: IsoDate | null, order?: NumericDateOrder): TextDates {
  const explicit: ExplicitDate[] = [];
  const relative: RelativeDate[] = [];
  const parser = order === "day-first" ? DAY_FIRST : MONTH_FIRST;
  // parseISO reads the stated day as local midnight; chrono works in local time too, so no zone shifts it.
  const instant = reference === null ? new Date(2000, 0, 1) : parseISO(reference);
  for (const block of blocks) {
    if (!MAY_HOLD_DATE.test(block.text)) continue;
    for (const result of parser.parse(block.text, instant, { forwardDate: false })) {
      const { start } = result;
      const text = result.text.trim();
      if (NUMERIC.test(text) && order === undefined) continue;
      if (WRITTEN_YEAR.test(text)) {
        const date = start.isCertain("month") && start.isCertain("day") ? componentsDate(start) : null;
        if (date !== null)
          explicit.push({
            date,
            text,
            line: block.line,
            writtenWeekday: WEEKDAY_FIRST.test(text) ? start.get("weekday") : null,
            inCaption: block.caption === true,
          });
        continue;
      }
      // Partial dates such as "May 7" name no year, and "three days later" counts from some other event.
      if (reference === null || MONTH_NAME.test(text) || !RELATIVE_TO_TODAY.test(text)) continue;
      const weekday = start.get("weekday");
      const date = BARE_WEEKDAY.test(text) && weekday !== null ? lastWeekday(reference, weekday) : componentsDate(start);
      if (date !== null) relative.push({ date, text, line: block.line });
    }
  }
  return { explicit, relative };
}
