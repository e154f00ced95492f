/**
 * `npm run bench:weight -- --site DIR [--prefix /press/] [--top N] [--json]`
 *
 * Weighs every article page of a built site (`pageWeight.ts`): HTML plus
 * linked CSS, uncompressed, against the 30 KB budget, with the article text
 * alone beside it, and lists the heaviest pages. Exits 1 when a page is over
 * the budget or loads a script besides the search highlight.
 */
import { parseArgs } from "node:util";
import { ARTICLE_PAGE_BUDGET, articlePageWeights, overBudget } from "./pageWeight.ts";

const USAGE =
  "Usage: npm run bench:weight -- --site DIR [--prefix /press/] [--top N] [--json]\n  DIR is a built site (npm run build -- --out DIR).";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      site: { type: "string" },
      prefix: { type: "string", default: "/" },
      top: { type: "string", default: "10" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  const top = Number(values.top);
  if (values.help || !values.site || !Number.isInteger(top) || top < 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const weights = await articlePageWeights(values.site, values.prefix);
  const problems = weights.map(overBudget).filter((problem): problem is string => problem !== null);
  const heaviest = weights[0];
  const longestBody = Math.max(0, ...weights.map((weight) => weight.bodyBytes));

  if (values.json) {
    console.log(
      JSON.stringify(
        { site: values.site, budget: ARTICLE_PAGE_BUDGET, pages: weights.length, longestBody, problems, heaviest: weights.slice(0, top) },
        null,
        2,
      ),
    );
    return problems.length === 0 ? 0 : 1;
  }
  console.log(`Article pages of ${values.site}: ${weights.length}; budget ${kb(ARTICLE_PAGE_BUDGET)} of HTML and linked CSS, uncompressed`);
  if (heaviest)
    console.log(`  heaviest ${kb(heaviest.totalBytes)} (HTML ${kb(heaviest.htmlBytes)} + CSS ${kb(heaviest.cssBytes)}), ${heaviest.page}`);
  console.log(`  longest article text (.article-body) ${kb(longestBody)}`);
  console.log(`  over budget or with other scripts: ${problems.length}`);
  for (const problem of problems.slice(0, top)) console.log(`    ${problem}`);
  console.log("");
  console.log(`  ${"total".padStart(8)} ${"HTML".padStart(8)} ${"CSS".padStart(8)} ${"text".padStart(8)}  page`);
  for (const weight of weights.slice(0, top))
    console.log(
      `  ${kb(weight.totalBytes).padStart(8)} ${kb(weight.htmlBytes).padStart(8)} ${kb(weight.cssBytes).padStart(8)} ${kb(weight.bodyBytes).padStart(8)}  ${weight.page}`,
    );
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
