/**
 * Settings that change how articles are read. One typed object, defaults documented.
 */
import type { IsoDate } from "../article.ts";

export type NumericDateOrder = "day-first" | "month-first";

export interface IngestOptions {
  /**
   * How to read numeric dates such as `03/04/2021`. Unset, an ambiguous one
   * is never guessed: it is reported (`AMBIGUOUS_DATE`) and not used.
   * @default undefined
   */
  readonly numericDates?: NumericDateOrder;
  /** The build date, for `FUTURE_DATE` (see `todayIn` in src/site/siteSettings.ts). */
  readonly today: IsoDate;
}

/** Larger files are refused (`FILE_TOO_LARGE`): no news article is 20 MB of text. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
