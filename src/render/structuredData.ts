/**
 * `schema.org/NewsArticle` JSON-LD for an article page. The JSON goes inside
 * a `<script>` element, where `</script>` or `<!--` in a headline would end
 * it early, so every `<` is written as `\u003c`.
 */
import type { Article } from "../article.ts";

export interface NewsArticleInput {
  readonly article: Pick<Article, "title" | "date" | "updated" | "dateline" | "lead" | "summary" | "byline" | "words">;
  readonly url: string;
  readonly siteTitle: string;
  readonly language: string;
}

export function newsArticleJsonLd({ article, url, siteTitle, language }: NewsArticleInput): string {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    url,
    mainEntityOfPage: url,
    inLanguage: language,
    isPartOf: { "@type": "WebSite", name: siteTitle },
    wordCount: article.words,
    articleBody: article.summary ?? article.lead,
  };
  if (article.date !== null) data["datePublished"] = article.date;
  if (article.updated !== null) data["dateModified"] = article.updated;
  if (article.dateline !== null) data["dateline"] = article.dateline;
  if (article.byline !== null) data["author"] = { "@type": "Person", name: article.byline.replace(/^By\s+/i, "") };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
