/**
 * A benchmark corpus of any size from a real one. Pure: texts in, texts out.
 *
 * The first `sources.length` articles are the sources themselves, unchanged,
 * in name (byte) order. Past that, round r (1, 2, ...) copies the sources
 * again, in the same order, each under a new name, `rNN_<source name>`
 * (`r01_latest_2024-07-16_...md`): the prefix keeps the copy's id unique
 * even where Clippings cuts a long name to 80 characters. Each copy's date
 * line is moved back by 1 to `maxYears` whole years and then by up to
 * `maxDays` days either way, drawn from a seeded generator (mulberry32), so
 * that a corpus of July–August 2024 becomes an archive of about twenty
 * years. The body is not changed: copies are textually the same stories on
 * other dates, so the date detective may warn about them (their text names
 * 2024 dates) and related-coverage finds them as near-duplicates.
 *
 * Deterministic: the same sources, count and seed give the same corpus, and
 * a smaller count gives a prefix of a larger one (N = 5,000 is the first
 * 5,000 articles of N = 20,000).
 */

export interface SourceArticle {
  /** File name, e.g. `latest_2024-07-16_some_story.md`. */
  readonly name: string;
  readonly text: string;
}

export interface BenchArticle {
  /** File name, unique in the corpus. */
  readonly name: string;
  readonly text: string;
  /** 0 for a source article, r ≥ 1 for the r-th round of copies. */
  readonly round: number;
  /** The date written on its date line after the shift (`YYYY-MM-DD`); null when it has none. */
  readonly date: string | null;
}

export interface MultiplyOptions {
  /** How many articles to make. */
  readonly count: number;
  /** Seed of the date shifts: the same seed gives the same corpus. @default 1 */
  readonly seed?: number;
  /** Most whole years a copy is moved back (at least 1). @default 20 */
  readonly maxYears?: number;
  /** Most days a copy is moved either way, after its years. @default 182 */
  readonly maxDays?: number;
}

export const MULTIPLY_DEFAULTS = { seed: 1, maxYears: 20, maxDays: 182 } as const satisfies Omit<Required<MultiplyOptions>, "count">;

/**
 * The date line of an article: front matter `date:`, a `Published :` line
 * (CNN exports: ``Published :`2024-07-16 23:37:19` ``) or a line that starts
 * with an ISO date. The first one in the text is the one Clippings reads.
 */
const DATE_LINE = /^(date:\s*["']?|Published\s*:\s*`?|)(\d{4})-(\d{2})-(\d{2})/m;

/** mulberry32: a tiny, well-mixed 32-bit generator; enough for spreading dates. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

/** `2024-07-16` moved by whole years, then days, on the proleptic Gregorian calendar. */
export function shiftDate(iso: string, years: number, days: number): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year + years, month - 1, day + days));
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1, 2)}-${pad(shifted.getUTCDate(), 2)}`;
}

/** The date on an article's date line, or null. */
export function dateLineOf(text: string): string | null {
  const match = DATE_LINE.exec(text);
  return match === null ? null : `${match[2]}-${match[3]}-${match[4]}`;
}

/** The text with its date line's date moved; the rest of the line (time, quotes) is kept. */
export function withShiftedDate(text: string, years: number, days: number): { text: string; date: string | null } {
  const match = DATE_LINE.exec(text);
  if (match === null) return { text, date: null };
  const date = shiftDate(`${match[2]}-${match[3]}-${match[4]}`, years, days);
  const start = match.index + (match[1] ?? "").length;
  return { text: text.slice(0, start) + date + text.slice(start + 10), date };
}

const byName = (a: SourceArticle, b: SourceArticle): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** `count` articles from `sources`, as described at the top of this file. */
export function multiplyCorpus(sources: readonly SourceArticle[], options: MultiplyOptions): BenchArticle[] {
  const { count, seed, maxYears, maxDays } = { ...MULTIPLY_DEFAULTS, ...options };
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, not ${count}`);
  if (count > 0 && sources.length === 0) throw new RangeError("no source articles to copy");
  if (!Number.isInteger(maxYears) || maxYears < 1) throw new RangeError(`maxYears must be a whole number ≥ 1, not ${maxYears}`);
  const ordered = [...sources].sort(byName);
  const random = seededRandom(seed);
  const result: BenchArticle[] = [];
  for (let index = 0; index < count; index++) {
    const source = ordered[index % ordered.length] as SourceArticle;
    const round = Math.floor(index / ordered.length);
    if (round === 0) {
      result.push({ name: source.name, text: source.text, round, date: dateLineOf(source.text) });
      continue;
    }
    // Both draws happen for every copy, dated or not, so one undated source
    // does not change the dates of all the copies after it.
    const years = 1 + Math.floor(random() * maxYears);
    const days = Math.floor(random() * (2 * maxDays + 1)) - maxDays;
    const { text, date } = withShiftedDate(source.text, -years, days);
    result.push({ name: `r${pad(round, 2)}_${source.name}`, text, round, date });
  }
  return result;
}
