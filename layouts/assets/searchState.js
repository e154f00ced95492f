// The search page's state and how it maps to the address bar and to a
// Pagefind query. Pure functions, no DOM: the tests import this file directly.
//
// Address:  /search/?q=ceasefire&sort=newest&from=2020-06&to=2021&year=2021&dateline=GENEVA
//   q            the query as typed (quotes for a phrase)
//   sort         "newest" or "oldest"; absent for best match
//   from, to     a date range, YYYY or YYYY-MM (a year runs from January to December)
//   anything else that names a Pagefind filter (year, month, dateline, person, ...):
//                ticked values, one parameter each; other parameters are ignored

/** @typedef {{ q: string, sort: SortName, from: string, to: string, filters: Record<string, string[]> }} SearchState */
/** @typedef {"relevance" | "newest" | "oldest"} SortName */
/** @typedef {Record<string, Record<string, number>>} FilterCounts */

/** Parameters that are not filters. A filter must not be called one of these. */
export const RESERVED = ["q", "sort", "from", "to"];

/** Pagefind sort options for each choice; undated articles carry 0000-00-00, so they come last when newest is first. */
export const SORTS = {
  relevance: {},
  newest: { date: "desc" },
  oldest: { date: "asc" },
};

const BOUND = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;
/** Matches no article: Pagefind treats an empty `any` as no condition at all. */
export const NO_MATCH = "\u0000none";

/** @returns {SearchState} */
export function emptyState() {
  return { q: "", sort: "relevance", from: "", to: "", filters: {} };
}

/**
 * The state an address describes. Only parameters naming a known filter become
 * filters, so tracking parameters or the highlight parameter never empty the results.
 * @param {string} search `location.search`
 * @param {Iterable<string>} filterNames
 * @returns {SearchState}
 */
export function readState(search, filterNames) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = params.get("q") ?? "";
  const sort = params.get("sort");
  if (sort === "newest" || sort === "oldest") state.sort = sort;
  for (const bound of /** @type {const} */ (["from", "to"])) {
    const value = params.get(bound) ?? "";
    if (BOUND.test(value)) state[bound] = value;
  }
  for (const name of filterNames) {
    if (RESERVED.includes(name)) continue;
    const values = [...new Set(params.getAll(name).filter((value) => value !== ""))];
    if (values.length > 0) state.filters[name] = values;
  }
  return state;
}

/**
 * The query string for a state, `""` for the empty state. Filters come in the
 * order of `filterNames`, so one state always gives one address.
 * @param {SearchState} state
 * @param {Iterable<string>} filterNames
 */
export function writeSearch(state, filterNames) {
  const params = new URLSearchParams();
  if (state.q !== "") params.set("q", state.q);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  if (state.from !== "") params.set("from", state.from);
  if (state.to !== "") params.set("to", state.to);
  for (const name of filterNames) for (const value of state.filters[name] ?? []) params.append(name, value);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** @param {SearchState} state */
export function hasRefinements(state) {
  return state.from !== "" || state.to !== "" || Object.values(state.filters).some((values) => values.length > 0);
}

/**
 * Keeps only the entries of `filters` that are ticked values of known filters,
 * as the filter pane reports them.
 * @param {Record<string, unknown>} filters
 * @param {Iterable<string>} filterNames
 * @returns {Record<string, string[]>}
 */
export function pickFacets(filters, filterNames) {
  /** @type {Record<string, string[]>} */
  const picked = {};
  for (const name of filterNames) {
    const values = filters[name];
    if (Array.isArray(values) && values.length > 0) picked[name] = values.map(String);
  }
  return picked;
}

const startOf = (/** @type {string} */ bound) => (bound.length === 4 ? `${bound}-01` : bound);
const endOf = (/** @type {string} */ bound) => (bound.length === 4 ? `${bound}-12` : bound);

/**
 * The range with its ends in order: "from 2021 to 2020" means 2020 to 2021.
 * @param {string} from
 * @param {string} to
 */
export function orderedRange(from, to) {
  return from !== "" && to !== "" && startOf(from) > endOf(to) ? { from: to, to: from } : { from, to };
}

/**
 * The range as inclusive YYYY-MM bounds, or `null` for no range.
 * @param {string} from
 * @param {string} to
 * @returns {{ lo: string, hi: string } | null}
 */
export function rangeBounds(from, to) {
  if (from === "" && to === "") return null;
  const range = orderedRange(from, to);
  return { lo: range.from === "" ? "0000-01" : startOf(range.from), hi: range.to === "" ? "9999-12" : endOf(range.to) };
}

/**
 * The range as a Pagefind filter: Pagefind has no range filters, so a range
 * is `any` of the month values inside it (or of the years, where an index has
 * no month filter). Undated articles have neither, so a range leaves them out.
 * @param {string} from
 * @param {string} to
 * @param {FilterCounts} known every value of every filter, as `pagefind.filters()` gives them
 * @returns {Record<string, { any: string[] }> | null}
 */
export function rangeFilter(from, to, known) {
  const bounds = rangeBounds(from, to);
  if (bounds === null) return null;
  const { lo, hi } = bounds;
  if (known["month"] !== undefined) {
    const months = Object.keys(known["month"]).filter((month) => /^\d{4}-\d{2}$/.test(month) && month >= lo && month <= hi);
    return { month: { any: months.length > 0 ? months.sort() : [NO_MATCH] } };
  }
  if (known["year"] !== undefined) {
    const years = Object.keys(known["year"]).filter((year) => /^\d{4}$/.test(year) && year >= lo.slice(0, 4) && year <= hi.slice(0, 4));
    return { year: { any: years.length > 0 ? years.sort() : [NO_MATCH] } };
  }
  return null;
}

/**
 * The filters for Pagefind: ticked values of one filter must all match (as
 * Pagefind's filter pane counts them), and the date range is kept apart under
 * `all` so that it can narrow the same filter (month) as a ticked value.
 * @param {SearchState} state
 * @param {FilterCounts} known
 */
export function pagefindFilters(state, known) {
  /** @type {Record<string, unknown>} */
  const filters = {};
  for (const [name, values] of Object.entries(state.filters)) if (values.length > 0) filters[name] = [...values];
  const range = rangeFilter(state.from, state.to, known);
  if (range !== null) filters["all"] = range;
  return filters;
}

/**
 * Years and months for the range pickers, oldest first.
 * @param {FilterCounts} known
 * @returns {Array<{ year: string, months: string[] }>}
 */
export function rangeChoices(known) {
  /** @type {Map<string, Set<string>>} */
  const years = new Map();
  for (const month of Object.keys(known["month"] ?? {})) {
    if (!/^\d{4}-\d{2}$/.test(month)) continue;
    const year = month.slice(0, 4);
    if (!years.has(year)) years.set(year, new Set());
    years.get(year)?.add(month);
  }
  for (const year of Object.keys(known["year"] ?? {})) if (/^\d{4}$/.test(year) && !years.has(year)) years.set(year, new Set());
  return [...years.keys()].sort().map((year) => ({ year, months: [...(years.get(year) ?? [])].sort() }));
}

/**
 * "May 2021" for "2021-05", "2021" for "2021".
 * @param {string} value
 * @param {string} [locale]
 */
export function formatBound(value, locale = "en") {
  if (!/^\d{4}-\d{2}$/.test(value)) return value;
  const [year, month] = value.split("-").map(Number);
  return monthFormat(locale).format(Date.UTC(year ?? 0, (month ?? 1) - 1, 1));
}

/** @type {Map<string, Intl.DateTimeFormat>} */
const monthFormats = new Map();
/**
 * One formatter per locale: making one costs far more than using it, and the
 * range pickers format every month of the archive.
 * @param {string} locale
 */
function monthFormat(locale) {
  let format = monthFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
    monthFormats.set(locale, format);
  }
  return format;
}

/**
 * What the status line says, and screen readers announce, after a search:
 * "2 results for “ceasefire”, with year 2021, dated from May 2020 to 2021".
 * @param {SearchState} state
 * @param {number} count
 * @param {string} [locale]
 */
export function describeResults(state, count, locale = "en") {
  const query = state.q.trim();
  const noun = query === "" ? (count === 1 ? "article" : "articles") : count === 1 ? "result" : "results";
  let text = `${count === 0 ? "No" : count.toLocaleString(locale)} ${noun}`;
  // A phrase already has its quotes.
  if (query !== "") text += query.includes('"') ? ` for ${query}` : ` for “${query}”`;
  const facets = Object.entries(state.filters)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => `${name} ${values.join(" and ")}`);
  if (facets.length > 0) text += `, with ${facets.join(", ")}`;
  const range = orderedRange(state.from, state.to);
  const from = range.from === "" ? "" : formatBound(range.from, locale);
  const to = range.to === "" ? "" : formatBound(range.to, locale);
  if (from !== "" && to !== "") text += `, dated from ${from} to ${to}`;
  else if (from !== "") text += `, dated from ${from}`;
  else if (to !== "") text += `, dated up to ${to}`;
  return text;
}
