/**
 * Every seed → its `Article`, with ids made unique across the archive.
 * A duplicate id is renamed (`x` → `x-2`) and reported, never dropped.
 */
import type { Article } from "../article.ts";
import { uniqueIds } from "./articleId.ts";
import { parseArticle } from "./parseArticle.ts";
import type { RawSeed } from "./rawSeed.ts";

export function parseSeeds(seeds: readonly RawSeed[]): Article[] {
  const parsed = seeds.map(parseArticle);
  const ids = uniqueIds(parsed.map((article) => article.id));
  return parsed.map((article, index) => {
    const id = ids[index] ?? article.id;
    if (id === article.id) return article;
    return {
      ...article,
      id,
      diagnostics: [
        ...article.diagnostics,
        {
          code: "duplicate-id",
          severity: "warning",
          file: article.sourceFile,
          message: `another file already has the id "${article.id}"; this one is published as "${id}". Give it its own \`id\` in front matter to choose.`,
        },
      ],
    };
  });
}
