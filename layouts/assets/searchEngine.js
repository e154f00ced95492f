// The archive's search index as one, over its shards (src/search/shardPlan.ts):
// one Pagefind index per span of dates, newest first. The newest shard is
// searched as soon as it has loaded, so the first results come from one
// small index; the others are merged in after (Pagefind's `mergeIndex`),
// and the page searches again over all of them.
//
// Each shard tags its pages with a synthetic `shard` filter. Pagefind ranks
// merged results by score even when asked to sort, so a search sorted by date
// asks each shard in turn (they never overlap in time) and joins the lists.

/** @typedef {{ id: string, bundle: string, first: string | null, last: string | null }} Shard */
/** @typedef {Record<string, Record<string, number>>} FilterCounts */
/** @typedef {{ id: string, data: () => Promise<any> }} Hit */
/** @typedef {{ hits: Hit[], counts: FilterCounts, complete: boolean }} Found */

export const SHARD_FILTER = "shard";

/**
 * @param {Record<string, Record<string, number>>[]} lists
 * @returns {FilterCounts}
 */
function sumCounts(lists) {
  /** @type {FilterCounts} */
  const total = {};
  for (const list of lists) {
    for (const [name, values] of Object.entries(list ?? {})) {
      const group = (total[name] ??= {});
      for (const [value, count] of Object.entries(values)) group[value] = (group[value] ?? 0) + count;
    }
  }
  return total;
}

/**
 * @param {{ library: string, shards: Shard[], baseUrl: string, highlightParam: string }} setup
 */
export async function openIndex({ library, shards, baseUrl, highlightParam }) {
  const primary = shards[0];
  if (primary === undefined) throw new Error("the archive has no search index");
  const pagefind = await import(library);
  // On the page's own thread: Pagefind's web worker is one more script to
  // fetch and start before the first result (12 KB and about 60 ms measured
  // with `npm run bench:search`). The price: a search over every shard holds
  // the page for a moment (a second query over 20,000 articles took 421 ms to
  // its first result, index chunks included).
  const common = { baseUrl, excerptLength: 40, highlightParam, noWorker: true };
  const instance = pagefind.createInstance({ ...common, basePath: primary.bundle, mergeFilter: { [SHARD_FILTER]: primary.id } });
  /** Shards searched so far, in the archive's order (newest first). */
  const merged = [primary];
  /** @type {Promise<void> | null} */
  let merging = null;
  /** @type {Promise<FilterCounts> | null} */
  let filterLists = null;

  return {
    /** Every shard merged: searches from now on cover the whole archive. */
    get complete() {
      return merged.length === shards.length;
    },

    /** Merges the other shards; resolves once all are searchable. */
    mergeAll() {
      // All at once: each fetches only its own small files.
      const rest = shards.slice(1);
      merging ??= Promise.all(
        rest.map((shard) => instance.mergeIndex(shard.bundle, { ...common, mergeFilter: { [SHARD_FILTER]: shard.id } })),
      ).then(() => void merged.push(...rest));
      return merging;
    },

    /** Every value of every filter with its count over the archive; loads the filter lists of every shard. */
    filters() {
      filterLists ??= this.mergeAll().then(() => instance.filters());
      return filterLists;
    },

    /**
     * @param {string | null} term words, or `null` to list what the filters match
     * @param {{ filters: Record<string, unknown>, sort: Record<string, string> }} options
     * @returns {Promise<Found>}
     */
    async search(term, { filters, sort }) {
      const complete = this.complete;
      const shardsNow = [...merged];
      const direction = Object.values(sort)[0];
      if (direction === undefined || shardsNow.length === 1) {
        const found = await instance.search(term, { filters, sort });
        return { hits: found.results, counts: found.filters ?? {}, complete };
      }
      // By date: shard by shard, newest first for "desc", oldest first for "asc".
      const ordered = direction === "asc" ? shardsNow.reverse() : shardsNow;
      const each = await Promise.all(
        ordered.map((shard) => instance.search(term, { filters: { ...filters, [SHARD_FILTER]: shard.id }, sort })),
      );
      return { hits: each.flatMap((found) => found.results), counts: sumCounts(each.map((found) => found.filters)), complete };
    },
  };
}
