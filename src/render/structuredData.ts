/**
 * `schema.org/NewsArticle` JSON-LD for an article page. The JSON goes inside
 * a `<script>` element, where `</script>` or `<!--` in a headline would end
 * it early, so every `<` is written as `\u003c`.
 *
 * Only what the page's other tags do not already say (an article page must
 * stay under 30 KB): the summary goes in `description`, not in
 * `articleBody`, which would repeat the text the page carries, and is cut
 * like the meta description (`description.ts`); the address is the page's
 * canonical link, the site its `og:site_name`, the language its `lang`.
 * https://schema.org/NewsArticle
 */
import type { Article } from "../article.ts";
import { articleDescription } from "./description.ts";

export interface NewsArticleInput {
  readonly article: Pick<Article, "title" | "date" | "updated" | "dateline" | "lead" | "summary" | "byline" | "words">;
}

/** The JSON-LD of an article page. Its language is the page's `<html lang>`. */
export function newsArticleJsonLd({ article }: NewsArticleInput): string {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    wordCount: article.words,
    description: articleDescription(article),
  };
  if (article.date !== null) data["datePublished"] = article.date;
  if (article.updated !== null) data["dateModified"] = article.updated;
  if (article.dateline !== null) data["dateline"] = article.dateline;
  if (article.byline !== null) data["author"] = { "@type": "Person", name: article.byline.replace(/^By\s+/i, "") };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
