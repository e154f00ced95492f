// One search result as the archive shows it: headline (a link carrying the
// highlight parameter), date and dateline, and Pagefind's excerpt with the
// matched words in <mark>.

/**
 * @param {string} tag
 * @param {string} className
 * @param {string} [text]
 */
function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Fills the list item of one result.
 * @param {HTMLLIElement} item
 * @param {{ url: string, excerpt?: string, meta?: Record<string, string | undefined> }} result Pagefind's `await result.data()`
 */
export function renderResult(item, result) {
  const meta = result.meta ?? {};
  item.replaceChildren();

  const heading = element("h3", "search-result-title");
  const link = /** @type {HTMLAnchorElement} */ (element("a", "search-result-link", meta["title"] || result.url));
  // Pagefind has added ?pagefind-highlight=<word> for each word searched; the article page marks them.
  link.href = result.url;
  heading.append(link);
  item.append(heading);

  const line = element("p", "search-result-meta");
  line.append(element("span", "search-result-date", meta["date"] || "Undated"));
  if (meta["dateline"]) line.append(element("span", "search-result-dateline", meta["dateline"]));
  item.append(line);

  if (result.excerpt) {
    const excerpt = element("p", "search-result-excerpt");
    // Pagefind escapes the page text and adds only <mark> around matches.
    excerpt.innerHTML = result.excerpt;
    item.append(excerpt);
  }
}
