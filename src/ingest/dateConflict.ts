/**
 * Checks a stated date against the dates an article's own text mentions.
 * The stated date is never changed here: a conflict is reported, with the
 * evidence and the date the text points to, for a person to decide.
 */
import { differenceInCalendarDays, parseISO } from "date-fns";
import type { DateConflict, IsoDate } from "../article.ts";

/** A text date this close to the stated date confirms it (stories cite the days before them). */
export const CONFIRMING_WINDOW_DAYS = 31;

function daysBetween(a: IsoDate, b: IsoDate): number {
  // parseISO reads a bare date as local midnight on both sides, so the
  // difference is in calendar days whatever the machine's time zone.
  return Math.abs(differenceInCalendarDays(parseISO(a), parseISO(b)));
}

/**
 * A conflict when the text mentions at least two full dates, none of them
 * within {@link CONFIRMING_WINDOW_DAYS} of the stated date, and they agree
 * with each other (all within that window of the latest): the signature of
 * a story filed under the wrong date, as opposed to an article that recalls
 * one event from years before.
 */
export function findDateConflict(statedDate: IsoDate, textDates: readonly IsoDate[]): DateConflict | null {
  if (textDates.length < 2) return null;
  if (textDates.some((date) => daysBetween(date, statedDate) <= CONFIRMING_WINDOW_DAYS)) return null;
  const sorted = [...textDates].sort();
  const latest = sorted[sorted.length - 1] as IsoDate;
  if (sorted.some((date) => daysBetween(date, latest) > CONFIRMING_WINDOW_DAYS)) return null;
  return { statedDate, textDates: sorted, suggestedDate: latest };
}
