// The filter pane: one group of checkboxes per filter, each value with the
// number of results it would keep. Built from the archive's totals, which
// the page carries (src/render/searchPageData.ts), then updated in place
// after each search, so a ticked box keeps the focus.

import { formatBound } from "./searchState.js";

/** @typedef {Record<string, Record<string, number>>} FilterCounts */

const LABELS = /** @type {Record<string, string>} */ ({
  year: "Year",
  month: "Month",
  dateline: "Dateline",
  person: "People",
  location: "Places",
  organization: "Organisations",
});
/** Open at first: the short lists a reader reaches for first. */
const OPEN = new Set(["year", "dateline"]);
/** Filters listed in date order; the others most common first. */
const BY_DATE = new Set(["year", "month"]);

/**
 * @param {string} name
 * @param {string} value
 * @param {string} locale
 */
const labelOf = (name, value, locale) => (name === "month" ? formatBound(value, locale) : value);

/**
 * @param {HTMLElement} container
 * @param {{ names: string[], totals: FilterCounts, locale: string, onToggle: (name: string, value: string, ticked: boolean) => void }} setup
 */
export function createFacets(container, { names, totals, locale, onToggle }) {
  /** @type {Map<string, { group: HTMLDetailsElement, items: Map<string, { item: HTMLLIElement, box: HTMLInputElement, count: HTMLElement }> }>} */
  const groups = new Map();
  container.replaceChildren();
  const known = Object.keys(LABELS);
  const order = (/** @type {string} */ name) => (known.includes(name) ? known.indexOf(name) : known.length);
  for (const name of [...names].sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
    const values = Object.entries(totals[name] ?? {});
    if (values.length === 0) continue;
    values.sort(BY_DATE.has(name) ? ([a], [b]) => a.localeCompare(b) : ([a, x], [b, y]) => y - x || a.localeCompare(b, locale));
    const group = document.createElement("details");
    group.className = "facet";
    group.dataset["filter"] = name;
    group.open = OPEN.has(name);
    const summary = document.createElement("summary");
    summary.textContent = LABELS[name] ?? name;
    const list = document.createElement("ul");
    list.className = "facet-values";
    const items = new Map();
    for (const [value] of values) {
      const item = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      box.addEventListener("change", () => onToggle(name, value, box.checked));
      const text = document.createElement("span");
      text.className = "facet-value";
      text.textContent = labelOf(name, value, locale);
      const count = document.createElement("span");
      count.className = "facet-count";
      label.append(box, text, " ", count);
      item.append(label);
      list.append(item);
      items.set(value, { item, box, count });
    }
    group.append(summary, list);
    container.append(group);
    groups.set(name, { group, items });
  }

  return {
    /**
     * Shows each value with its count among the results; values no result has
     * are hidden unless ticked, and a filter none of the results has is hidden.
     * @param {FilterCounts} counts
     * @param {Record<string, string[]>} ticked
     */
    update(counts, ticked) {
      for (const [name, { group, items }] of groups) {
        const on = new Set(ticked[name] ?? []);
        let shown = 0;
        for (const [value, { item, box, count }] of items) {
          const number = counts[name]?.[value] ?? 0;
          box.checked = on.has(value);
          item.hidden = number === 0 && !box.checked;
          count.textContent = number.toLocaleString(locale);
          if (!item.hidden) shown++;
        }
        group.hidden = shown === 0;
      }
    },
  };
}
