/**
 * Articles → archive: sorted once, linked, grouped. Pure.
 */
import type { Article, IsoDate } from "../article.ts";
import type { Archive, ArchivedArticle, ArticleLink, EntityIndexPage, EntityPageView, MonthGroup, YearGroup } from "./archive.ts";
import { articleExtras } from "./articleExtras.ts";
import type { Entity, EntityKind } from "./entities.ts";
import { entityUrl, findEntities, KIND_FILTERS, KIND_FOLDERS, type ArticleFindings, type EntityFindings } from "./entityPages.ts";
import { indexByCalendarDay, onThisDay } from "./onThisDay.ts";
import type { PairScoringHelper } from "./pairScores.ts";
import { buildPeriodPages } from "./periods.ts";
import { startRelated } from "./related.ts";
import type { TermRecall } from "./termMemory.ts";

export interface ArchiveOptions {
  /** The build's calendar day, for "on this day". */
  readonly today: IsoDate;
  /**
   * Each article's entity mentions and quotations by article id, when found
   * beforehand (`findInArticle`: in worker threads, or cached); those
   * missing are found here. @default none
   */
  readonly findings?: ReadonlyMap<string, ArticleFindings>;
  /** The related coverage's memory of the articles' terms, from the last build and for the next (`termMemory.ts`). @default none */
  readonly terms?: TermRecall;
  /** A thread that scores the related coverage's pairs beside this one (`pairScores.ts`). @default none */
  readonly pairScoring?: PairScoringHelper;
}

/** How many of the newest articles the home page lists. */
export const LATEST_COUNT = 10;

/** Oldest first by date, then by id; undated articles after all dated ones. */
export function compareChronologically(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function articleUrl(id: string): string {
  return `/articles/${id}/`;
}

function linkTo(article: Article): ArticleLink {
  return { id: article.id, url: articleUrl(article.id), title: article.title, date: article.date };
}

function groupByYearAndMonth(articles: readonly ArchivedArticle[]): YearGroup[] {
  const years = new Map<string, Map<string, ArchivedArticle[]>>();
  for (const article of articles) {
    if (article.date === null) continue;
    const year = article.date.slice(0, 4);
    const month = article.date.slice(0, 7);
    const months = years.get(year) ?? new Map<string, ArchivedArticle[]>();
    years.set(year, months);
    const list = months.get(month);
    if (list === undefined) months.set(month, [article]);
    else list.push(article);
  }
  // Input is already chronological, so insertion order is date order.
  return [...years].map(([year, months]) => {
    const monthGroups: MonthGroup[] = [...months].map(([month, list]) => ({ month, articles: list }));
    return { year, count: monthGroups.reduce((sum, group) => sum + group.articles.length, 0), months: monthGroups };
  });
}

/** Entries per page of the people, places and organisations lists. */
export const ENTITY_INDEX_PAGE_SIZE = 500;

/** An entity's first and last dates and its articles by year (by month within one year). */
type EntityTimeline = Pick<EntityPageView, "span" | "timeline">;

function entityTimeline(entity: Entity, byId: ReadonlyMap<string, Article>): EntityTimeline {
  const all = entity.articleIds.flatMap((id) => byId.get(id)?.date ?? []);
  const oneYear = all.length > 0 && all[0]?.slice(0, 4) === all[all.length - 1]?.slice(0, 4);
  const timeline = new Map<string, number>();
  for (const date of all) {
    const period = oneYear ? date.slice(0, 7) : date.slice(0, 4);
    timeline.set(period, (timeline.get(period) ?? 0) + 1);
  }
  return {
    span: all.length === 0 ? null : { first: all[0] as IsoDate, last: all[all.length - 1] as IsoDate },
    timeline: [...timeline].map(([period, count]) => ({ period, count })),
  };
}

/** Each entity's timeline: once per entity, not per page, or the pages of an entity named in 10,000 articles would each go through all of them. */
function entityTimelines(findings: EntityFindings, byId: ReadonlyMap<string, Article>): Map<Entity, EntityTimeline> {
  return new Map(findings.entities.map((entity) => [entity, entityTimeline(entity, byId)]));
}

function entityPageViews(
  findings: EntityFindings,
  byId: ReadonlyMap<string, ArchivedArticle>,
  timelines: ReadonlyMap<Entity, EntityTimeline>,
): EntityPageView[] {
  return findings.pages.map((page) => {
    const timeline = timelines.get(page.entity) ?? entityTimeline(page.entity, byId);
    return {
      url: page.url,
      name: page.entity.name,
      kind: page.entity.kind,
      indexUrl: `/${KIND_FOLDERS[page.entity.kind]}/`,
      count: page.entity.articleIds.length,
      ...timeline,
      pageNumber: page.pageNumber,
      pageCount: page.pageCount,
      previousPage: page.previousPage,
      nextPage: page.nextPage,
      articles: page.articleIds.flatMap((id) => byId.get(id) ?? []),
      companions: page.companions,
      quotes: page.quotes.flatMap((quote) => {
        const article = byId.get(quote.articleId);
        return article === undefined ? [] : [{ ...quote, article: linkTo(article) }];
      }),
    };
  });
}

function entityIndexPages(findings: EntityFindings): EntityIndexPage[] {
  return (Object.keys(KIND_FOLDERS) as EntityKind[]).flatMap((kind) => {
    const entries = findings.entities
      .filter((entity) => entity.kind === kind)
      .map((entity) => ({ name: entity.name, url: entityUrl(entity), count: entity.articleIds.length }));
    const pageCount = Math.max(1, Math.ceil(entries.length / ENTITY_INDEX_PAGE_SIZE));
    const url = (n: number) => (n === 1 ? `/${KIND_FOLDERS[kind]}/` : `/${KIND_FOLDERS[kind]}/page/${n}/`);
    return Array.from({ length: pageCount }, (_, index) => ({
      url: url(index + 1),
      kind,
      pageNumber: index + 1,
      pageCount,
      previousPage: index === 0 ? null : url(index),
      nextPage: index === pageCount - 1 ? null : url(index + 2),
      entries: entries.slice(index * ENTITY_INDEX_PAGE_SIZE, (index + 1) * ENTITY_INDEX_PAGE_SIZE),
    }));
  });
}

export function buildArchive(input: readonly Article[], options: ArchiveOptions): Archive {
  const sorted = [...input].sort(compareChronologically);
  const byId = new Map(sorted.map((article) => [article.id, article]));
  const pendingRelated = startRelated(sorted, {}, options.terms, options.pairScoring);
  // The helper scores related coverage's pairs while this thread finds the entities, then both score what is left.
  const findings = findEntities(sorted, options.findings);
  // Nor do the entities' timelines need it: the articles' dates are enough.
  const timelines = entityTimelines(findings, byId);
  const related = pendingRelated.finish();
  const counts = new Map(findings.entities.map((entity) => [entity.key, entity.articleIds.length]));
  const articles: ArchivedArticle[] = sorted.map((article, index) => {
    const before = sorted[index - 1];
    const after = sorted[index + 1];
    const links = (related.get(article.id) ?? []).flatMap((link) => {
      const other = byId.get(link.id);
      return other === undefined ? [] : [{ ...linkTo(other), score: link.score, nearDuplicate: link.nearDuplicate }];
    });
    const entities = findings.refsOf.get(article.id) ?? [];
    const quotes = findings.quotesOf.get(article.id) ?? [];
    return {
      ...article,
      url: articleUrl(article.id),
      previous: before === undefined ? null : linkTo(before),
      next: after === undefined ? null : linkTo(after),
      related: links,
      entities,
      quotes,
      facets: entities
        .filter((ref) => (counts.get(ref.key) ?? 0) >= findings.facetThreshold)
        .map((ref) => ({ filter: KIND_FILTERS[ref.kind], value: ref.name })),
      extras: articleExtras({ body: article.body, entities, quotes, related: links }),
    };
  });
  const byArticleId = new Map(articles.map((article) => [article.id, article]));
  const dated = articles.filter((article) => article.date !== null);
  const first = dated[0]?.date;
  const last = dated[dated.length - 1]?.date;
  const years = groupByYearAndMonth(articles);
  return {
    articles,
    years,
    undated: articles.filter((article) => article.date === null),
    span: first && last ? { first, last } : null,
    latest: [...dated].reverse().slice(0, LATEST_COUNT),
    periodPages: buildPeriodPages(years),
    onThisDay: onThisDay(indexByCalendarDay(dated), options.today),
    today: options.today,
    entityPages: entityPageViews(findings, byArticleId, timelines),
    entityIndexPages: entityIndexPages(findings),
  };
}
