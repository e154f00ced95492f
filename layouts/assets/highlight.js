// On an article page opened from a search result: mark the words searched
// for, with Pagefind's highlight script (mark.js inside), and bring the first
// one into view. The search results link here with one
// ?pagefind-highlight=<word> per word, lower-cased and without accents;
// mark.js matches "zoe" in "Zoë". Pages opened any other way load nothing more.
const PARAM = "pagefind-highlight";

if (new URLSearchParams(location.search).has(PARAM)) {
  // Relative to this file, so a site under a path prefix finds it too.
  const { default: PagefindHighlight } = await import("../pagefind/pagefind-highlight.js");
  new PagefindHighlight({
    highlightParam: PARAM,
    // Its own styles come as an inline <style>, which the page's policy refuses: <mark> is styled already.
    addStyles: false,
    markOptions: { className: "pagefind-highlight", exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"] },
  });
  const first = document.querySelector("mark.pagefind-highlight");
  if (first && first.getBoundingClientRect().top > window.innerHeight) first.scrollIntoView({ block: "center" });
}
