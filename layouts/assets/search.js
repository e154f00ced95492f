// The search page's controller. Pagefind's Component UI does the searching
// and most of the showing (<pagefind-input>, <pagefind-filter-pane> with its
// counts, <pagefind-results> with lazy loading and keyboard moves); this
// module adds what it does not do, through the instance the components share:
//   - sort (best match, newest, oldest) and a from/to date range;
//   - the whole state in the address, restored on load and on back/forward;
//   - the result layout (headline, date, dateline, excerpt);
//   - one status line, also announced to screen readers, with the count.
import {
  describeResults,
  emptyState,
  hasRefinements,
  pagefindFilters,
  pickFacets,
  rangeChoices,
  readState,
  SORTS,
  writeSearch,
  formatBound,
} from "./searchState.js";
import { renderResult } from "./searchResult.js";

/** Performance marks for `npm run bench:search`: Pagefind and every filter loaded; the first results known; the first one on the page. */
export const LOADED_MARK = "search:loaded";
export const RESULTS_MARK = "search:results";
export const FIRST_RESULT_MARK = "search:first-result";

const HINT = 'Results appear as you type. Put quotes around an exact phrase ("Zoë Müller"); accents are optional.';

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function main() {
  const root = byId("search");
  const form = /** @type {HTMLFormElement} */ (byId("search-query"));
  const sortSelect = /** @type {HTMLSelectElement} */ (byId("search-sort"));
  const fromSelect = /** @type {HTMLSelectElement} */ (byId("search-from"));
  const toSelect = /** @type {HTMLSelectElement} */ (byId("search-to"));
  const resetButton = byId("search-reset");
  const status = byId("search-status");
  const facets = /** @type {HTMLElement} */ (root.querySelector(".search-facets"));
  const locale = document.documentElement.lang || "en";

  await customElements.whenDefined("pagefind-results");
  const components = /** @type {any} */ (window).PagefindComponents;
  const instance = components.getInstanceManager().getInstance("default");

  // The status line below speaks for the search; the components' own announcer would say it twice.
  instance.setTranslations({
    zero_results: "",
    one_result: "",
    many_results: "",
    total_zero_results: "",
    total_one_result: "",
    total_many_results: "",
    search_label: "Search the archive",
    input_hint: HINT,
    results_label: "Search results",
  });

  const results = /** @type {any} */ (root.querySelector("pagefind-results"));
  const more = /** @type {HTMLButtonElement} */ (byId("search-more"));
  /** Results are shown a page at a time (the element's max-results), more on request. */
  const page = Number(results.getAttribute("max-results")) || 50;
  let shown = page;
  /** Index of the first result added by "Show more": it gets the focus once loaded. */
  /** @type {number | null} */
  let focusIndex = null;
  let showingMore = false;
  let firstResult = true;
  results.resultTemplate = (/** @type {any} */ data) => {
    const item = renderResult(data);
    if (firstResult) {
      firstResult = false;
      queueMicrotask(() => performance.mark(FIRST_RESULT_MARK));
    }
    // The component numbers the item as it puts it in place, just after this returns.
    queueMicrotask(() => {
      if (focusIndex !== null && item.dataset["pfResultIndex"] === String(focusIndex)) {
        focusIndex = null;
        item.querySelector("a")?.focus();
      }
    });
    return item;
  };

  const input = () => /** @type {HTMLInputElement | null} */ (root.querySelector("pagefind-input input"));

  /** Filled once Pagefind has loaded every filter: names for the address, months for the range. */
  /** @type {Record<string, Record<string, number>>} */
  let known = {};
  /** @type {string[]} */
  let filterNames = [];
  let ready = false;
  let state = readState(location.search, filterNames);
  /** How the next search is written to history: set by our own controls, `null` for typing. */
  /** @type {"push" | "none" | null} */
  let nextHistory = null;
  /** Typing replaces the entry its first search pushed, until something else is done. */
  let typing = false;

  const showControls = (/** @type {{ query: boolean }} */ { query }) => {
    sortSelect.value = state.sort;
    fromSelect.value = state.from;
    toSelect.value = state.to;
    const field = input();
    if (query && field && field.value !== state.q) {
      field.value = state.q;
      field.parentElement?.querySelector(".pf-input-clear")?.toggleAttribute("data-pf-suppressed", state.q === "");
    }
  };

  /** Runs the state's search; the "search" hook below then records it. */
  const run = (/** @type {"push" | "none"} */ history) => {
    nextHistory = history;
    instance.triggerSearchWithFilters(state.q, pagefindFilters(state, known));
  };

  // Every search passes here first, whoever started it (the input, the pane, us),
  // so sort and filter-only browsing are set before Pagefind runs it.
  instance.on("search", (/** @type {string} */ term) => {
    // A new search starts again from its first page.
    if (showingMore) showingMore = false;
    else {
      focusIndex = null;
      if (shown !== page) {
        shown = page;
        results.setAttribute("max-results", String(page));
      }
    }
    const changed = (term ?? "") !== state.q;
    state.q = term ?? "";
    instance.searchSort = SORTS[state.sort];
    // No words but a ticked filter or a range: list what matches them.
    instance.faceted = state.q.trim() === "" && hasRefinements(state);
    status.setAttribute("aria-busy", "true");
    const history = nextHistory ?? (typing ? "replace" : "push");
    if (nextHistory === null && changed) typing = true;
    else if (nextHistory !== null) typing = false;
    nextHistory = null;
    if (ready && history !== "none" && (changed || history === "push")) record(history);
  });

  instance.on("results", (/** @type {{ results?: unknown[] }} */ found) => {
    if (performance.getEntriesByName(RESULTS_MARK).length === 0 && (found?.results?.length ?? 0) > 0) performance.mark(RESULTS_MARK);
    status.setAttribute("aria-busy", "false");
    const count = found?.results?.length ?? 0;
    const searched = state.q.trim() !== "" || instance.faceted;
    const text = searched ? describeResults(state, count, locale) : "";
    // Unchanged after "Show more": not announced again.
    if (status.textContent !== text) status.textContent = text;
    more.hidden = count <= shown;
    more.textContent = `Show ${Math.min(page, count - shown).toLocaleString(locale)} more (${shown.toLocaleString(locale)} of ${count.toLocaleString(locale)} shown)`;
    if (focusIndex !== null) {
      // Bring the first new result into view, so that it loads and takes the focus.
      results.querySelector(`[data-pf-result-index="${focusIndex}"]`)?.scrollIntoView({ block: "nearest" });
      results.style.minHeight = "";
    }
  });

  // The filter pane reports ticks through these two methods; the state keeps
  // them, with the range and sort, and runs one search for all of it.
  instance.triggerFilters = (/** @type {Record<string, unknown>} */ filters) => {
    state.filters = pickFacets(filters, filterNames);
    run("push");
  };
  instance.triggerFilter = (/** @type {string} */ name, /** @type {string[]} */ values) => {
    state.filters = pickFacets({ ...state.filters, [name]: values }, filterNames);
    run("push");
  };

  // The input searches 300 ms after the last key; after Enter has searched
  // already, that second search of the same words would only redo the work.
  const triggerSearch = instance.triggerSearch.bind(instance);
  instance.triggerSearch = (/** @type {string} */ term) => {
    if (term !== instance.searchTerm) triggerSearch(term);
  };

  /** @param {"push" | "replace"} mode */
  function record(mode) {
    const url = `${location.pathname}${writeSearch(state, filterNames)}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (mode === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = input()?.value ?? state.q;
    run("push");
  });
  sortSelect.addEventListener("change", () => {
    state.sort = /** @type {import("./searchState.js").SortName} */ (sortSelect.value);
    run("push");
  });
  for (const select of [fromSelect, toSelect]) {
    select.addEventListener("change", () => {
      state.from = fromSelect.value;
      state.to = toSelect.value;
      run("push");
    });
  }
  more.addEventListener("click", () => {
    focusIndex = shown;
    shown += page;
    // The component redraws its list for the new limit: hold the height, so the page does not jump.
    results.style.minHeight = `${results.offsetHeight}px`;
    results.setAttribute("max-results", String(shown));
    showingMore = true;
    run("none");
  });
  resetButton.addEventListener("click", () => {
    state = { ...emptyState(), q: state.q };
    showControls({ query: false });
    run("push");
  });
  window.addEventListener("popstate", () => {
    state = readState(location.search, filterNames);
    typing = false;
    showControls({ query: true });
    run("none");
  });

  if (!matchMedia("(min-width: 48rem)").matches) /** @type {HTMLDetailsElement} */ (facets).open = false;
  root.hidden = false;
  showControls({ query: true });
  input()?.focus();

  await instance.triggerLoad();
  performance.mark(LOADED_MARK);
  known = instance.availableFilters ?? {};
  filterNames = Object.keys(known).sort();
  fillRange(fromSelect, toSelect, known, locale);
  facets.toggleAttribute("data-empty", filterNames.length === 0);
  state.filters = readState(location.search, filterNames).filters;
  // A reader who typed while the index loaded keeps what they typed.
  const typed = input()?.value ?? state.q;
  const typedMeanwhile = typed !== (new URLSearchParams(location.search).get("q") ?? "");
  state.q = typed;
  showControls({ query: false });
  ready = true;
  root.setAttribute("data-ready", "");
  if (state.q !== "" || hasRefinements(state)) run(typedMeanwhile ? "push" : "none");
  // Still typing, maybe: the next words replace this entry rather than add one.
  typing = typedMeanwhile;
}

/**
 * The range pickers: a year (the whole year) or one of its months, oldest first.
 * @param {HTMLSelectElement} from
 * @param {HTMLSelectElement} to
 * @param {Record<string, Record<string, number>>} known
 * @param {string} locale
 */
function fillRange(from, to, known, locale) {
  const choices = rangeChoices(known);
  const fieldset = from.closest("fieldset");
  if (fieldset) fieldset.hidden = choices.length === 0;
  for (const [select, yearLabel] of /** @type {const} */ ([
    [from, (/** @type {string} */ year) => `Start of ${year}`],
    [to, (/** @type {string} */ year) => `End of ${year}`],
  ])) {
    for (const { year, months } of choices) {
      const group = document.createElement("optgroup");
      group.label = year;
      group.append(new Option(yearLabel(year), year));
      for (const month of months) group.append(new Option(formatBound(month, locale), month));
      select.append(group);
    }
  }
}

main().catch((error) => {
  const status = document.getElementById("search-status");
  if (status) status.textContent = "Search could not start. Browse every article on the timeline instead.";
  console.error(error);
});
