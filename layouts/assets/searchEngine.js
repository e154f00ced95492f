// The archive's search index as one, over its shards (src/search/shardPlan.ts):
// one Pagefind index per span of dates, newest first. Every query is asked
// of the newest shard (the head) first, so the first results come from one
// small index; the others are merged in (Pagefind's `mergeIndex`), and the
// page asks again over all of them.
//
// Each shard tags its pages with a synthetic `shard` filter. Pagefind ranks
// merged results by score even when asked to sort, so a search sorted by date
// asks each shard in turn (they never overlap in time) and joins the lists.

/** @typedef {{ id: string, bundle: string, first: string | null, last: string | null }} Shard */
/** @typedef {Record<string, Record<string, number>>} FilterCounts */
/** @typedef {{ id: string, score: number, data: () => Promise<any> }} Hit */
/**
 * A search's answer: `complete` when it covers every shard, `counted` when its
 * counts cover every filter (Pagefind counts only over the filter lists loaded).
 * @typedef {{ hits: Hit[], counts: FilterCounts, complete: boolean, counted: boolean }} Found
 */

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
  const [head, ...others] = shards;
  if (head === undefined) throw new Error("the archive has no search index");
  const pagefind = await import(library);
  // On the page's own thread: Pagefind's web worker is one more script to
  // fetch and start before the first result (12 KB and about 60 ms measured
  // with `npm run bench:search`). The price: a search over every shard holds
  // the page for a moment, which is why each query asks the head alone first.
  const common = { baseUrl, excerptLength: 40, highlightParam, noWorker: true };
  /** @param {Shard} shard */
  const options = (shard) => ({ ...common, mergeFilter: { [SHARD_FILTER]: shard.id } });
  // Two Pagefind instances: the head, which starts loading at once, and the
  // other shards merged into one. A search of every shard waits for each
  // one's chunk of the words (a query typed on the loaded page took 300 ms
  // to its first result over 20,000 articles); the head alone, some 60 ms.
  // The price: the second instance fetches Pagefind's WebAssembly again
  // (58 KB), after the first results.
  const headIndex = pagefind.createInstance({ ...options(head), basePath: head.bundle });
  /** @type {typeof headIndex | null} */
  let othersIndex = null;
  /** @type {Promise<void> | null} */
  let merging = null;
  /** @type {Promise<void> | null} */
  let counting = null;
  let complete = false;
  let counted = false;
  const sharded = others.length > 0;

  return {
    /** More than one shard: a search can answer from the head before the whole archive. */
    sharded,

    /** Every shard loaded: searches can cover the whole archive. */
    get complete() {
      return complete;
    },

    /** Loads the other shards; resolves once the whole archive is searchable. */
    async loadShards() {
      merging ??= (async () => {
        // The head first: Pagefind's instances share one WebAssembly module,
        // set up by the first to load it. Two loading at once each set up
        // their own, and one read its index from the other's memory (results
        // went missing in the browser tests). The head's filter lists are
        // small, and wanted for the counts anyway.
        await headIndex.filters();
        const [first, ...rest] = others;
        if (first !== undefined) {
          const merged = pagefind.createInstance({ ...options(first), basePath: first.bundle });
          // All at once: each fetches only its own small files.
          await Promise.all(rest.map((shard) => merged.mergeIndex(shard.bundle, options(shard))));
          othersIndex = merged;
        } else {
          // The head is the whole archive, its filter lists all there are.
          counted = true;
        }
        complete = true;
      })();
      await merging;
    },

    /** Loads every filter list (after the shards): Pagefind counts results by filter only over the lists it has. */
    async loadFilters() {
      counting ??= this.loadShards()
        .then(() => othersIndex?.filters())
        .then(() => void (counted = true));
      await counting;
    },

    /**
     * Searches the head alone (`scope` "head") or the whole archive, which
     * must have been loaded first (`loadShards`).
     * @param {string | null} term words, or `null` to list what the filters match
     * @param {{ filters: Record<string, unknown>, sort: Record<string, string> }} options
     * @param {"head" | "whole"} scope
     * @returns {Promise<Found>}
     */
    async search(term, { filters, sort }, scope) {
      if (scope === "whole" && !complete) throw new Error("search of the whole archive before it was loaded");
      const direction = Object.values(sort)[0];
      // As the search starts: filter lists loaded while it runs may not have counted.
      const countedNow = counted;
      if (scope === "head" || othersIndex === null) {
        const found = await headIndex.search(term, { filters, sort });
        return { hits: found.results, counts: found.filters ?? {}, complete: scope === "whole" || !sharded, counted: countedNow };
      }
      const others = othersIndex;
      if (direction === undefined) {
        // By score over both, as Pagefind ranks merged indexes.
        const both = await Promise.all([headIndex.search(term, { filters, sort }), others.search(term, { filters, sort })]);
        /** @type {Hit[]} */
        const hits = both.flatMap((found) => found.results).sort((a, b) => b.score - a.score);
        return { hits, counts: sumCounts(both.map((found) => found.filters ?? {})), complete: true, counted: countedNow };
      }
      // By date: shard by shard, newest first for "desc", oldest first for "asc".
      const ordered = direction === "asc" ? [...shards].reverse() : shards;
      const each = await Promise.all(
        ordered.map((shard) =>
          shard === head
            ? headIndex.search(term, { filters, sort })
            : others.search(term, { filters: { ...filters, [SHARD_FILTER]: shard.id }, sort }),
        ),
      );
      return {
        hits: each.flatMap((found) => found.results),
        counts: sumCounts(each.map((found) => found.filters ?? {})),
        complete: true,
        counted: countedNow,
      };
    },
  };
}
