/**
 * `npm run index -- --site DIR [--shard ID ...] [--assemble]`: the search
 * index of a site built with `npm run build -- --skip-index`, for archives
 * whose shards are indexed on several machines (README, "Search index shards").
 *
 *   (no option)      index every shard of the site's plan, as a build does
 *   --shard ID       index only this shard (repeatable) into pagefind/ID/
 *   --assemble       once every shard's folder is in pagefind/, list them
 */
import { parseArgs } from "node:util";
import { assembleIndex, indexArticles, readPlan } from "../search/indexArticles.ts";
import { plural } from "../summary.ts";

const USAGE = `Usage: npm run index -- --site DIR [--shard ID ...] [--assemble]

  --site DIR      a site built with npm run build -- --skip-index
  --shard ID      index only this shard of the site's plan (repeatable)
  --assemble      check that every shard of the plan is in DIR/pagefind/ and list them`;

async function main(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        site: { type: "string" },
        shard: { type: "string", multiple: true },
        assemble: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.site === undefined || (values.assemble && values.shard !== undefined)) {
    console.error(USAGE);
    return 1;
  }
  try {
    const started = performance.now();
    const result = values.assemble
      ? await assembleIndex(values.site)
      : await indexArticles(values.site, await readPlan(values.site), values.shard === undefined ? {} : { only: values.shard });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${values.assemble ? "Assembled" : "Indexed"} ${plural(result.indexedPages, "article")} in ${plural(result.shards.length, "shard")} (${result.shards.map((shard) => shard.id).join(", ")}), in ${seconds} s → ${values.site}`,
    );
    return 0;
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
