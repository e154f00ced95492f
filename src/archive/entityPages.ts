/**
 * People, places and organisations as pages: each entity named in at least
 * two articles gets one (its articles in time, split into pages of bounded
 * size), and every article links the entities it names. The index is built
 * once for the archive; mentions and quotes come from `entities.ts` and
 * `quotes.ts`.
 */
import type { Article } from "../article.ts";
import type { ListPage } from "./archive.ts";
import { buildEntityIndex, extractEntities, type Entity, type EntityKind, type EntityMention } from "./entities.ts";
import { PERIOD_PAGE_SIZE } from "./periods.ts";
import { extractQuotes, type Quote } from "./quotes.ts";

/** Folder of each kind's pages. */
export const KIND_FOLDERS: Readonly<Record<EntityKind, string>> = { person: "people", place: "places", organization: "organizations" };
/** Search filter name of each kind; `place` is the dateline's. */
export const KIND_FILTERS: Readonly<Record<EntityKind, string>> = { person: "person", place: "location", organization: "organization" };

/** An entity as an article names it, linked when it has a page. */
export interface EntityRef {
  readonly key: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly url: string | null;
}

export interface AttributedQuote extends Quote {
  /** The speaker's entity page, when they have one. */
  readonly speakerUrl: string | null;
}

export interface EntityPage extends ListPage {
  readonly url: string;
  readonly entity: Entity;
  /** Ids of the articles on this page, oldest first. */
  readonly articleIds: readonly string[];
  readonly companions: readonly EntityRef[];
  /** Quotations by this person across the archive (first page only). */
  readonly quotes: ReadonlyArray<AttributedQuote & { readonly articleId: string }>;
}

export interface EntityFindings {
  readonly pages: readonly EntityPage[];
  /** Every entity with a page, most articles first. */
  readonly entities: readonly Entity[];
  readonly refsOf: ReadonlyMap<string, readonly EntityRef[]>;
  readonly quotesOf: ReadonlyMap<string, readonly AttributedQuote[]>;
  /** Entities named in at least this many articles are search facets. */
  readonly facetThreshold: number;
}

/** Quotations shown on an entity page, at most. */
const MAX_ENTITY_QUOTES = 20;

export function entityUrl(entity: Pick<Entity, "kind" | "key">, pageNumber = 1): string {
  const base = `/${KIND_FOLDERS[entity.kind]}/${entity.key}/`;
  return pageNumber === 1 ? base : `${base}page/${pageNumber}/`;
}

/**
 * Every filter value is fetched with the search index, so only entities
 * that matter at the archive's scale become facets: named in at least 2
 * articles, or 0.5% of the archive's size rounded down to a power of two
 * (between 0.25% and 0.5% of it), whichever is more. Rounded, because a
 * facet is in the search index of every article it names: with 0.5% of the
 * exact size, the 20,001st article raised the threshold from 100 to 101 and
 * every search shard was indexed again. Now it moves when the archive
 * doubles.
 */
export function facetThreshold(articleCount: number): number {
  const scale = articleCount < 1 ? 0 : 2 ** Math.floor(Math.log2(articleCount));
  return Math.max(2, Math.ceil(scale / 200));
}

/** What one article alone gives the entity pages: its mentions and its quotations. */
export interface ArticleFindings {
  readonly mentions: readonly EntityMention[];
  readonly quotes: readonly Quote[];
}

/** An article's own findings; depends on nothing else, so it can be found in a worker thread and cached. */
export function findInArticle(article: Article): ArticleFindings {
  const mentions = extractEntities(article);
  return { mentions, quotes: extractQuotes(article, mentions) };
}

/**
 * Entity pages, links and quotations for the archive. `known` holds, by
 * article id, findings made beforehand (`findInArticle`, in worker threads
 * or from the cache); the others are found here.
 */
export function findEntities(articles: readonly Article[], known: ReadonlyMap<string, ArticleFindings> = new Map()): EntityFindings {
  const found = new Map(articles.map((article) => [article.id, known.get(article.id) ?? findInArticle(article)]));
  const mentions = new Map([...found].map(([id, findings]) => [id, findings.mentions]));
  const entities = buildEntityIndex(articles, mentions);
  const byAlias = new Map<string, Entity>();
  for (const entity of entities) for (const alias of [entity.name, ...entity.aliases]) if (!byAlias.has(alias)) byAlias.set(alias, entity);
  const byKey = new Map(entities.map((entity) => [entity.key, entity]));

  const refsOf = new Map<string, EntityRef[]>();
  const quotesOf = new Map<string, AttributedQuote[]>();
  const quotesBy = new Map<string, Array<AttributedQuote & { articleId: string }>>();
  for (const article of articles) {
    const refs = new Map<string, EntityRef>();
    for (const mention of mentions.get(article.id) ?? []) {
      const entity = byAlias.get(mention.name);
      const ref =
        entity === undefined
          ? { key: mention.key, name: mention.name, kind: mention.kind, url: null }
          : { key: entity.key, name: entity.name, kind: entity.kind, url: entityUrl(entity) };
      if (!refs.has(ref.key)) refs.set(ref.key, ref);
    }
    refsOf.set(article.id, [...refs.values()]);

    const quotes = (found.get(article.id)?.quotes ?? []).map((quote) => {
      const speaker = byAlias.get(quote.speaker);
      return { ...quote, speakerUrl: speaker === undefined ? null : entityUrl(speaker) };
    });
    quotesOf.set(article.id, quotes);
    for (const quote of quotes) {
      const speaker = byAlias.get(quote.speaker);
      if (speaker === undefined) continue;
      const list = quotesBy.get(speaker.key) ?? [];
      quotesBy.set(speaker.key, list);
      if (list.length < MAX_ENTITY_QUOTES) list.push({ ...quote, articleId: article.id });
    }
  }

  const pages = entities.flatMap((entity) => {
    const chunks: string[][] = [];
    for (let start = 0; start < entity.articleIds.length; start += PERIOD_PAGE_SIZE)
      chunks.push(entity.articleIds.slice(start, start + PERIOD_PAGE_SIZE));
    const companions = entity.companions.flatMap((companion) => {
      const other = byKey.get(companion.key);
      return other === undefined ? [] : [{ key: other.key, name: other.name, kind: other.kind, url: entityUrl(other) }];
    });
    return chunks.map((articleIds, index) => ({
      url: entityUrl(entity, index + 1),
      entity,
      pageNumber: index + 1,
      pageCount: chunks.length,
      previousPage: index === 0 ? null : entityUrl(entity, index),
      nextPage: index === chunks.length - 1 ? null : entityUrl(entity, index + 2),
      articleIds,
      companions,
      quotes: index === 0 ? (quotesBy.get(entity.key) ?? []) : [],
    }));
  });

  return { pages, entities, refsOf, quotesOf, facetThreshold: facetThreshold(articles.length) };
}
