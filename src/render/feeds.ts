/**
 * Machine-readable views of the archive: JSON Feed of the latest articles,
 * and the JSON index of every article (`/api/articles.json`).
 * https://www.jsonfeed.org/version/1.1/
 */
import type { Archive, ArchivedArticle } from "../archive/archive.ts";
import { absoluteUrl, type SiteSettings } from "../site/siteSettings.ts";

/** How many of the newest articles the feeds carry. */
export const FEED_SIZE = 50;

export function feedArticles(archive: Archive): readonly ArchivedArticle[] {
  return archive.articles
    .filter((article) => article.date !== null)
    .slice(-FEED_SIZE)
    .reverse();
}

export function jsonFeed(archive: Archive, site: SiteSettings): object {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: site.title,
    description: site.description,
    home_page_url: absoluteUrl(site, "/"),
    feed_url: absoluteUrl(site, "/feed.json"),
    language: site.language,
    items: feedArticles(archive).map((article) => ({
      id: absoluteUrl(site, article.url),
      url: absoluteUrl(site, article.url),
      title: article.title,
      summary: article.summary ?? article.lead,
      content_text: article.summary ?? article.lead,
      date_published: `${article.date}T00:00:00Z`,
      ...(article.updated === null ? {} : { date_modified: `${article.updated}T00:00:00Z` }),
      ...(article.byline === null ? {} : { authors: [{ name: article.byline.replace(/^By\s+/i, "") }] }),
      ...(article.tags.length === 0 ? {} : { tags: article.tags }),
    })),
  };
}

export interface ArticleIndexEntry {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly date: string | null;
  readonly dateline: string | null;
  readonly entities: readonly string[];
}

export function articleIndex(archive: Archive, site: SiteSettings): { articles: ArticleIndexEntry[] } {
  return {
    articles: archive.articles.map((article) => ({
      id: article.id,
      url: absoluteUrl(site, article.url),
      title: article.title,
      date: article.date,
      dateline: article.dateline,
      entities: article.entities.map((entity) => entity.name),
    })),
  };
}
