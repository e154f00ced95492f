// Pagefind's Default UI, with the query kept in the address bar:
// /search/?q=ceasefire opens with results, and every search can be shared.
window.addEventListener("DOMContentLoaded", () => {
  const container = document.querySelector("#search");
  const ui = new PagefindUI({
    element: "#search",
    // Result links are site-absolute in the index; a site under /archive/ needs them prefixed.
    baseUrl: container?.dataset.pathPrefix || "/",
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    autofocus: true,
  });

  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);

  const input = document.querySelector("#search input");
  if (!input) return;
  input.addEventListener("input", () => {
    const url = new URL(window.location.href);
    const value = input.value.trim();
    if (value) url.searchParams.set("q", value);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  });
});
