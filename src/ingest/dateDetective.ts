/**
 * Checks an article's stated date against its own words. The stated date is
 * never changed here: every finding is a warning with its evidence, for a
 * person to decide.
 */
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";
import { getDay } from "date-fns/getDay";
import { parseISO } from "date-fns/parseISO";
import type { DateConflict, IsoDate } from "../article.ts";
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import type { ExplicitDate, RelativeDate, TextDates } from "./textDates.ts";

/** A text date this close to the stated date confirms it (stories cite the days before them). */
export const CONFIRMING_WINDOW_DAYS = 31;
/** "Last year", "24 years ago" read against the stated date: close enough to the text's dates to explain them. */
const CORROBORATING_WINDOW_DAYS = 366;
/** Without a dated photo caption, this many mentions of the far-off days are needed. */
const MIN_MENTIONS = 3;
/** Evidence quoted in a message, at most. */
const MAX_EVIDENCE = 5;
const MAX_RELATIVE = 3;

function daysBetween(a: IsoDate, b: IsoDate): number {
  // parseISO reads a bare date as local midnight on both sides, so the
  // difference is in calendar days whatever the machine's time zone.
  return Math.abs(differenceInCalendarDays(parseISO(a), parseISO(b)));
}

const weekdayName = (date: IsoDate) => format(parseISO(date), "EEEE");

/**
 * A conflict when the text's full dates all lie far from the stated date
 * (none within {@link CONFIRMING_WINDOW_DAYS}), agree with each other (all
 * within that window of the latest), and weigh enough: a photo caption is
 * dated with one of them, or they are mentioned {@link MIN_MENTIONS} times.
 * A retrospective ("the shooting that injured 9 last year", "killed 24 years
 * ago") is not a conflict: its relative references, read against the stated
 * date, land near the dates it recalls.
 */
export function findDateConflict(
  statedDate: IsoDate,
  explicit: readonly ExplicitDate[],
  relative: readonly RelativeDate[] = [],
): DateConflict | null {
  const distinct = [...new Set(explicit.map((item) => item.date))].sort();
  if (distinct.length < 2) return null;
  if (distinct.some((date) => daysBetween(date, statedDate) <= CONFIRMING_WINDOW_DAYS)) return null;
  const latest = distinct[distinct.length - 1] as IsoDate;
  if (distinct.some((date) => daysBetween(date, latest) > CONFIRMING_WINDOW_DAYS)) return null;
  if (!explicit.some((item) => item.inCaption) && explicit.length < MIN_MENTIONS) return null;
  if (relative.some((item) => daysBetween(item.date, latest) <= CORROBORATING_WINDOW_DAYS)) return null;
  return { statedDate, textDates: distinct, suggestedDate: latest };
}

function quote(items: ReadonlyArray<{ text: string; line: number }>): string {
  const shown = items.slice(0, MAX_EVIDENCE).map((item) => `“${item.text}” (line ${item.line})`);
  return items.length > MAX_EVIDENCE ? `${shown.join(", ")} and ${items.length - MAX_EVIDENCE} more` : shown.join(", ");
}

export interface DateFindings {
  readonly conflict: DateConflict | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Every check on a stated date: conflict with the text, weekdays that do not
 * match their dates, a date after the build date. `statedLine` is where the
 * date was stated, when it came from the text.
 */
export function examineDate(
  file: string,
  stated: IsoDate,
  statedLine: number | undefined,
  found: TextDates,
  today: IsoDate,
  /** Dates written on the stated-date line itself: checked for their weekday, not evidence. */
  statedWritten: readonly ExplicitDate[] = [],
): DateFindings {
  const diagnostics: Diagnostic[] = [];

  const mismatched = [...statedWritten, ...found.explicit].filter(
    (item): item is ExplicitDate & { writtenWeekday: number } =>
      item.writtenWeekday !== null && item.writtenWeekday !== getDay(parseISO(item.date)),
  );
  for (const item of mismatched) {
    diagnostics.push(
      diagnostic(
        "WEEKDAY_MISMATCH",
        file,
        `“${item.text}”: ${item.date} was a ${weekdayName(item.date)}. One of the two is wrong.`,
        item.line,
      ),
    );
  }

  const conflict = findDateConflict(stated, found.explicit, found.relative);
  if (conflict !== null) {
    const relative =
      found.relative.length === 0
        ? ""
        : ` Read against the stated date, its relative references give ${found.relative
            .slice(0, MAX_RELATIVE)
            .map((r) => `“${r.text}” = ${r.date} (line ${r.line})`)
            .join(", ")}.`;
    diagnostics.push(
      diagnostic(
        "DATE_CONFLICT",
        file,
        `stated date ${stated} conflicts with the dates in its text, ${conflict.textDates.join(", ")}: ${quote(found.explicit)}; ` +
          `nothing in the text is near ${stated}. The text suggests ${conflict.suggestedDate} (${weekdayName(conflict.suggestedDate)}).${relative} ` +
          `The stated date is kept: check the source.`,
        statedLine,
      ),
    );
  }

  if (stated > today) {
    diagnostics.push(
      diagnostic(
        "FUTURE_DATE",
        file,
        `stated date ${stated} is after the build date, ${today}. Check for a typing error in the year.`,
        statedLine,
      ),
    );
  }
  return { conflict, diagnostics };
}
