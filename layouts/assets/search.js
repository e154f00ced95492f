// The search page's controller, over Pagefind's JavaScript API (no ready-made
// interface: its script alone would weigh more than the first results):
//   - asks every query of the newest shard of the index first, then of all
//     of them (searchEngine.js), and loads the filter lists last, for the pane;
//   - sort (best match, newest, oldest), a from/to date range and facets;
//   - the whole state in the address, restored on load and on back/forward;
//   - results a page at a time, and one status line, also announced to
//     screen readers, with the count once the whole archive has answered.
import {
  describeResults,
  emptyState,
  formatBound,
  hasRefinements,
  pagefindFilters,
  pickFacets,
  rangeChoices,
  readState,
  SORTS,
  writeSearch,
} from "./searchState.js";
import { openIndex } from "./searchEngine.js";
import { createFacets } from "./searchFacets.js";
import { renderResult } from "./searchResult.js";

/** Performance marks for `npm run bench:search`: first results known and shown; the whole archive's results shown. */
export const RESULTS_MARK = "search:results";
export const FIRST_RESULT_MARK = "search:first-result";
export const COMPLETE_MARK = "search:complete";

/** Results shown at a time; the first few are fetched before the rest. */
const PAGE = 50;
const FIRST_FETCH = 10;
/** Typing searches once the keys rest this long. */
const TYPING_PAUSE_MS = 300;
const HIGHLIGHT_PARAM = "pagefind-highlight";

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @typedef {import("./searchState.js").SearchState} SearchState */
/** @typedef {import("./searchEngine.js").Found} Found */

async function main() {
  const root = byId("search");
  const setup = JSON.parse(root.dataset["search"] ?? "{}");
  const form = /** @type {HTMLFormElement} */ (byId("search-query"));
  const input = /** @type {HTMLInputElement} */ (byId("search-input"));
  const sortSelect = /** @type {HTMLSelectElement} */ (byId("search-sort"));
  const fromSelect = /** @type {HTMLSelectElement} */ (byId("search-from"));
  const toSelect = /** @type {HTMLSelectElement} */ (byId("search-to"));
  const resetButton = byId("search-reset");
  const status = byId("search-status");
  const progress = byId("search-progress");
  const list = /** @type {HTMLOListElement} */ (byId("search-results"));
  const more = /** @type {HTMLButtonElement} */ (byId("search-more"));
  const facetBox = byId("search-filters");
  const facetPanel = /** @type {HTMLDetailsElement} */ (root.querySelector(".search-facets"));
  const locale = document.documentElement.lang || "en";
  /** @type {string[]} */
  const filterNames = setup.filterNames ?? [];
  /** Every filter value's count over the archive: the filter pane, the range pickers and range filters need no index. */
  /** @type {Record<string, Record<string, number>>} */
  const filterTotals = setup.totals ?? {};
  const dates = { year: filterTotals["year"] ?? {}, month: filterTotals["month"] ?? {} };

  const index = await openIndex({
    // Relative to this file, so a site under a path prefix finds it too.
    library: new URL("../pagefind/pagefind.js", import.meta.url).href,
    shards: setup.shards ?? [],
    baseUrl: setup.baseUrl ?? "/",
    highlightParam: HIGHLIGHT_PARAM,
  });

  let state = readState(location.search, filterNames);
  /** The last search's answer: its results and filter counts. */
  /** @type {Found | null} */
  let last = null;
  let shown = PAGE;
  /** Each search's number: an answer to an older one is dropped. */
  let generation = 0;
  /** Typing replaces the entry its first search pushed, until something else is done. */
  let typing = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typingTimer;
  /** @type {ReturnType<typeof createFacets> | null} */
  let facets = null;

  const searched = () => state.q.trim() !== "" || hasRefinements(state);

  // The range pickers list every month of the archive: hundreds of options,
  // which took some 70 ms to build and lay out before the first results over
  // 20,000 articles. So they are filled when first needed: a range in the
  // address, a reader reaching for them, or the first results shown.
  const rangeYears = rangeChoices(dates);
  const rangeBox = fromSelect.closest("fieldset");
  if (rangeBox) rangeBox.hidden = rangeYears.length === 0;
  let rangeFilled = false;
  const fillRangeOnce = () => {
    if (rangeFilled) return;
    rangeFilled = true;
    fillRange(fromSelect, toSelect, rangeYears, locale);
  };
  for (const select of [fromSelect, toSelect]) {
    select.addEventListener("focus", fillRangeOnce, { once: true });
    select.addEventListener("pointerdown", fillRangeOnce, { once: true });
  }

  const showControls = (/** @type {{ query: boolean }} */ { query }) => {
    if (state.from !== "" || state.to !== "") fillRangeOnce();
    sortSelect.value = state.sort;
    fromSelect.value = state.from;
    toSelect.value = state.to;
    if (query && input.value !== state.q) input.value = state.q;
    facets?.update(last?.counts ?? {}, state.filters);
  };

  /** @param {"push" | "replace"} mode */
  function record(mode) {
    const url = `${location.pathname}${writeSearch(state, filterNames)}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (mode === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  /**
   * Runs the state's search and shows it: first over the shards merged so far,
   * then again once all are, so the count and the order are the whole archive's.
   * @param {"push" | "replace" | "none"} history
   */
  async function run(history) {
    const mine = ++generation;
    if (history !== "none") record(history);
    status.setAttribute("aria-busy", "true");
    if (!searched()) {
      last = null;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      status.setAttribute("aria-busy", "false");
      progress.hidden = true;
      facets?.update(filterTotals, state.filters);
      return;
    }
    const options = { filters: pagefindFilters(state, { month: dates.month ?? {}, year: dates.year ?? {} }), sort: SORTS[state.sort] };
    const term = state.q.trim() === "" ? null : state.q;
    // The head's answer first, before the other shards are loaded; not for
    // oldest first: the oldest shard's articles come first.
    if (index.sharded && state.sort !== "oldest") {
      const found = await index.search(term, options, "head");
      if (mine !== generation) return;
      // Nothing in the head: what is on show stays until the whole archive answers.
      if (found.hits.length > 0) await show(found, mine);
    }
    progress.hidden = index.complete;
    await index.loadShards();
    if (mine !== generation) return;
    const found = await index.search(term, options, "whole");
    if (mine !== generation) return;
    await show(found, mine);
    if (found.counted) return;
    // The filter lists after the results (some 400 KB over 20,000 articles),
    // then the same search again for its counts.
    await index.loadFilters();
    if (mine !== generation) return;
    await show(await index.search(term, options, "whole"), mine);
  }

  /**
   * @param {Found} found
   * @param {number} mine
   */
  async function show(found, mine) {
    last = found;
    if (found.hits.length > 0 && performance.getEntriesByName(RESULTS_MARK).length === 0) performance.mark(RESULTS_MARK);
    const count = found.hits.length;
    if (found.complete) {
      progress.hidden = true;
      const text = describeResults(state, count, locale);
      // Unchanged after "Show more": not announced again.
      if (status.textContent !== text) status.textContent = text;
      if (found.counted) facets?.update(found.counts, state.filters);
    }
    await fill(found.hits, 0, Math.min(shown, count), mine);
    if (mine !== generation) return;
    if (found.complete) {
      // Busy until the counts are in: they come with the filter lists, after the first results of a page.
      if (found.counted) status.setAttribute("aria-busy", "false");
      if (count > 0 && performance.getEntriesByName(COMPLETE_MARK).length === 0) performance.mark(COMPLETE_MARK);
    }
  }

  /**
   * Puts results `from` to `to` in the list, in order, each as its data arrives.
   * @param {Found["hits"]} hits
   * @param {number} from
   * @param {number} to
   * @param {number} mine
   */
  async function fill(hits, from, to, mine) {
    const items = [];
    for (let position = from; position < to; position++) {
      const item = /** @type {HTMLLIElement} */ (list.children[position] ?? document.createElement("li"));
      item.className = "search-result";
      item.dataset["resultIndex"] = String(position);
      item.setAttribute("aria-hidden", "true");
      if (item.parentElement !== list) list.append(item);
      items.push(item);
    }
    while (list.children.length > to) list.lastElementChild?.remove();
    more.hidden = hits.length <= to;
    more.textContent = `Show ${Math.min(PAGE, hits.length - to).toLocaleString(locale)} more (${to.toLocaleString(locale)} of ${hits.length.toLocaleString(locale)} shown)`;
    // The first few before the others: they are what the reader sees first.
    // Each is shown as soon as its text arrives.
    for (const [start, end] of [
      [0, FIRST_FETCH],
      [FIRST_FETCH, items.length],
    ]) {
      const batch = items.slice(start, end);
      await Promise.all(
        batch.map(async (item, offset) => {
          const data = await hits[from + start + offset]?.data();
          if (mine !== generation) return;
          renderResult(item, data);
          item.removeAttribute("aria-hidden");
          if (performance.getEntriesByName(FIRST_RESULT_MARK).length === 0) performance.mark(FIRST_RESULT_MARK);
        }),
      );
      if (mine !== generation) return;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    typing = false;
    state.q = input.value;
    shown = PAGE;
    void run("push");
  });
  input.addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      if (input.value === state.q) return;
      state.q = input.value;
      shown = PAGE;
      void run(typing ? "replace" : "push");
      typing = true;
    }, TYPING_PAUSE_MS);
  });
  sortSelect.addEventListener("change", () => {
    state.sort = /** @type {import("./searchState.js").SortName} */ (sortSelect.value);
    typing = false;
    shown = PAGE;
    void run("push");
  });
  for (const select of [fromSelect, toSelect]) {
    select.addEventListener("change", () => {
      state.from = fromSelect.value;
      state.to = toSelect.value;
      typing = false;
      shown = PAGE;
      void run("push");
    });
  }
  more.addEventListener("click", async () => {
    if (last === null) return;
    const from = shown;
    shown += PAGE;
    await fill(last.hits, from, Math.min(shown, last.hits.length), generation);
    list.children[from]?.querySelector("a")?.focus();
  });
  resetButton.addEventListener("click", () => {
    state = { ...emptyState(), q: state.q };
    typing = false;
    shown = PAGE;
    showControls({ query: false });
    void run("push");
  });
  window.addEventListener("popstate", () => {
    state = readState(location.search, filterNames);
    typing = false;
    shown = PAGE;
    showControls({ query: true });
    void run("none");
  });

  // The search first: its index loads while the page lays itself out.
  const first = searched() ? run("none") : Promise.resolve();
  if (!matchMedia("(min-width: 48rem)").matches) facetPanel.open = false;
  facetPanel.toggleAttribute("data-empty", filterNames.length === 0);
  root.hidden = false;
  showControls({ query: true });
  input.focus();

  // The filter pane, hundreds of values at 20,000 articles, after the first
  // results rather than in their way. The other shards and their filter
  // lists load with the first search, not before: a page opened to type a
  // query loads the newest shard alone, some 140 KB with the page.
  await first;
  fillRangeOnce();
  facets = createFacets(facetBox, {
    names: filterNames,
    totals: filterTotals,
    locale,
    onToggle(name, value, ticked) {
      const values = new Set(state.filters[name] ?? []);
      if (ticked) values.add(value);
      else values.delete(value);
      // In the order of the filter names, as an address read afresh would have them.
      state.filters = pickFacets({ ...state.filters, [name]: [...values] }, filterNames);
      typing = false;
      shown = PAGE;
      void run("push");
    },
  });
  facetPanel.toggleAttribute("data-empty", facetBox.childElementCount === 0);
  facets.update(searched() && last?.counted ? last.counts : filterTotals, state.filters);
  // Ready: the filter pane built, and the search in the address, if any, answered by the whole archive.
  root.setAttribute("data-ready", "");
}

/**
 * The range pickers: a year (the whole year) or one of its months, oldest first.
 * @param {HTMLSelectElement} from
 * @param {HTMLSelectElement} to
 * @param {ReturnType<typeof rangeChoices>} choices
 * @param {string} locale
 */
function fillRange(from, to, choices, locale) {
  for (const [select, yearLabel] of /** @type {const} */ ([
    [from, (/** @type {string} */ year) => `Start of ${year}`],
    [to, (/** @type {string} */ year) => `End of ${year}`],
  ])) {
    const chosen = select.value;
    const groups = document.createDocumentFragment();
    for (const { year, months } of choices) {
      const group = document.createElement("optgroup");
      group.label = year;
      group.append(new Option(yearLabel(year), year));
      for (const month of months) group.append(new Option(formatBound(month, locale), month));
      groups.append(group);
    }
    select.append(groups);
    select.value = chosen;
  }
}

main().catch((error) => {
  const status = document.getElementById("search-status");
  if (status) status.textContent = "Search could not start. Browse every article on the timeline instead.";
  console.error(error);
});
