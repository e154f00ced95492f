import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Article } from "../../src/article.ts";
import {
  buildEntityIndex,
  extractEntities,
  MAX_COMPANIONS,
  type Entity,
  type EntityKind,
  type EntityMention,
} from "../../src/archive/entities.ts";
import { entityKey, stripRoles, tidyName } from "../../src/archive/personNames.ts";
import { makeArticle, parse } from "../support/articles.ts";
import { SEED_000, SEED_003, SEEDS_DIR } from "../support/paths.ts";

const seeds = [SEED_000, SEED_003].map((file) => parse(readFileSync(join(SEEDS_DIR, file), "utf8"), file));
const mentionsOf = (articles: readonly Article[]) => new Map(articles.map((article) => [article.id, extractEntities(article)]));
const summary = (mentions: readonly EntityMention[]) => mentions.map((m) => `${m.name}/${m.kind}`);
const keysOf = (items: readonly { readonly key: string }[]) => items.map((item) => item.key);
const mention = (name: string, kind: EntityKind, count = 1): EntityMention => ({ key: entityKey(name), name, kind, count });
const byKey = (entities: readonly Entity[], key: string) => entities.filter((entity) => entity.key === key);

describe("personNames", () => {
  it("should strip titles, roles, possessives and print debris from a name", () => {
    assert.equal(stripRoles(tidyName("President Joe Biden’s")), "Joe Biden");
    assert.equal(stripRoles(tidyName("White House Press Secretary Karine Jean -Pierre,")), "Karine Jean-Pierre");
    assert.equal(stripRoles(tidyName("Secretary of State Antony Blinken")), "Antony Blinken");
    assert.equal(stripRoles(tidyName("Martin Luther King Jr.")), "Martin Luther King Jr.");
    assert.equal(tidyName("the Gaza’."), "Gaza");
  });

  it("should key a name as a URL-safe slug, the same for every spelling of it", () => {
    assert.equal(entityKey("Joe Biden"), "joe-biden");
    assert.equal(entityKey("José Andrés"), entityKey("Jose Andres"));
    assert.equal(entityKey("Jonas Gahr Støre"), "jonas-gahr-store");
    assert.equal(entityKey("AT&T"), "at-t");
  });
});

describe("extractEntities", () => {
  const article = parse(
    [
      "President Joe Biden spoke with Israeli Prime Minister Benjamin Netanyahu on Monday. Biden urged Israel to protect civilians in the Gaza Strip, the White House said.",
      "",
      "Netanyahu's office did not comment. Rockets fired by Hamas hit Tel Aviv, Israel, on Tuesday.",
      "",
    ].join("\n"),
  );
  const mentions = extractEntities(article);

  it("should find the people, places and organisations an article names, normalised", () => {
    assert.deepEqual(summary(mentions).sort(), [
      "Benjamin Netanyahu/person",
      "Gaza/place",
      "Hamas/organization",
      "Israel/place",
      "Joe Biden/person",
      "Tel Aviv/place",
      "White House/organization",
    ]);
    for (const entry of mentions) assert.equal(entry.key, entityKey(entry.name));
  });

  it("should fold surname-only and titled mentions into the full name, and count them together", () => {
    const count = (name: string) => mentions.find((m) => m.name === name)?.count;
    assert.equal(count("Joe Biden"), 2);
    assert.equal(count("Benjamin Netanyahu"), 2);
    assert.equal(count("Israel"), 2);
    assert.deepEqual(
      mentions.slice(0, 3).map((m) => m.count),
      [2, 2, 2],
      "most mentioned first",
    );
  });

  it("should take neither a demonym for its country nor a title or a day for a name", () => {
    const keys = keysOf(mentions);
    for (const junk of ["israeli", "biden", "netanyahu", "president-joe-biden", "white", "monday", "prime-minister"]) {
      assert.ok(!keys.includes(junk), junk);
    }
  });

  it("should reject pronouns, dates, numbers, demonyms and capitalised common words", () => {
    const junk = parse(
      "On Tuesday in March, officials said 42 people had died. They met at noon, and He said nothing.\n\nMajority leaders met near the Strip. Israeli and Egyptian mediators arrived in 2021.\n",
    );
    assert.deepEqual(extractEntities(junk), []);
  });

  it("should keep a one-word name that has no fuller form", () => {
    assert.deepEqual(extractEntities(parse("The talks stalled after Hamas rejected the offer.\n")), [mention("Hamas", "organization")]);
  });

  it("should file the White House as an organisation and a Gaza Strip as Gaza, but keep Gaza City apart", () => {
    const text = "Officials at the White House said strikes hit the Gaza Strip overnight and damaged homes in Gaza City.\n";
    assert.deepEqual(summary(extractEntities(parse(text))).sort(), ["Gaza City/place", "Gaza/place", "White House/organization"]);
  });

  it("should read captions but not photo credits", () => {
    const names = summary(
      extractEntities(parse("Mediators met in Cairo on Friday.\n\nSmoke rises over Gaza City.\n\nSebastian Scheiner | Reuters\n")),
    );
    assert.deepEqual(names.sort(), ["Cairo/place", "Gaza City/place"]);
  });

  it("should read a title of its own, but not one derived from the lead", () => {
    const titled = parse("---\ntitle: Talks resume in Cairo\n---\n\nMediators met on Friday.\n");
    assert.deepEqual(summary(extractEntities(titled)), ["Cairo/place"]);
    const derived = makeArticle("derived", null, { title: "Talks resume in Cairo", titleSource: "derived" });
    assert.deepEqual(extractEntities(derived), []);
  });

  it("should add front-matter people, places and entity tags, and let front matter correct the kind", () => {
    const withFrontMatter = parse(
      [
        "---",
        "people: [Biden, Jordan Peterson, Paris]",
        "places: [Georgia, Gaza Strip]",
        "tags: [Hamas, politics, israel]",
        "---",
        "",
        "Voters in Ohio cheered as Joe Biden arrived. Reporters later asked him about Paris.",
        "",
      ].join("\n"),
    );
    const found = extractEntities(withFrontMatter);
    assert.deepEqual(summary(found).sort(), [
      "Gaza/place",
      "Georgia/place",
      "Hamas/organization",
      "Israel/place",
      "Joe Biden/person",
      "Jordan Peterson/person",
      "Ohio/place",
      "Paris/person",
    ]);
    assert.equal(found.find((m) => m.key === "jordan-peterson")?.count, 1, "named only in front matter");
    assert.equal(
      summary(extractEntities(parse("Voters in Ohio cheered. Reporters later asked about Paris.\n"))).includes("Paris/place"),
      true,
    );
  });

  it("should recognise names only within the budget but count them over the whole text", () => {
    const long = parse(
      `Logan Bayroff met Jen Psaki in Washington.\n\n${"The talks went on for a long time without a result. ".repeat(4)}\n\nLater Bayroff called Chuck Schumer.\n`,
    );
    const early = extractEntities(long, 60);
    assert.deepEqual(summary(early).sort(), ["Jen Psaki/person", "Logan Bayroff/person", "Washington/place"]);
    assert.equal(early.find((m) => m.name === "Logan Bayroff")?.count, 2);
    assert.ok(summary(extractEntities(long, Infinity)).includes("Chuck Schumer/person"));
  });

  it("should find the seeds' people, places and organisations", () => {
    const [first, second] = seeds.map((seed) => summary(extractEntities(seed)));
    for (const name of [
      "Joe Biden/person",
      "Benjamin Netanyahu/person",
      "Jen Psaki/person",
      "Logan Bayroff/person",
      "Israel/place",
      "Gaza/place",
      "Egypt/place",
      "Hamas/organization",
      "White House/organization",
    ]) {
      assert.ok(first?.includes(name), `seed 000: ${name}`);
    }
    for (const name of [
      "Joe Biden/person",
      "Benjamin Netanyahu/person",
      "Karine Jean-Pierre/person",
      "Israel/place",
      "Gaza/place",
      "Gaza City/place",
      "Hamas/organization",
      "White House/organization",
    ]) {
      assert.ok(second?.includes(name), `seed 003: ${name}`);
    }
  });
});

describe("buildEntityIndex", () => {
  const required: readonly [string, EntityKind][] = [
    ["Joe Biden", "person"],
    ["Benjamin Netanyahu", "person"],
    ["Israel", "place"],
    ["Gaza", "place"],
    ["Hamas", "organization"],
    ["White House", "organization"],
  ];
  const variants = [
    "biden",
    "netanyahu",
    "president-joe-biden",
    "prime-minister-benjamin-netanyahu",
    "israeli",
    "white",
    "gaza-strip",
    "us",
  ];

  it("should give each entity both seeds name exactly once, under its full name", () => {
    const index = buildEntityIndex(seeds, mentionsOf(seeds));
    for (const [name, kind] of required) {
      const found = index.filter((entity) => entity.name === name);
      assert.equal(found.length, 1, name);
      assert.equal(found[0]?.kind, kind, name);
      assert.equal(found[0]?.key, entityKey(name));
      assert.deepEqual(
        found[0]?.articleIds,
        seeds.map((seed) => seed.id),
      );
    }
    for (const key of variants) assert.deepEqual(byKey(index, key), [], key);
    assert.deepEqual(byKey(index, "egypt"), [], "Egypt is in seed 000 only");
  });

  it("should list what one seed names once each when one article is enough", () => {
    const index = buildEntityIndex(seeds, mentionsOf(seeds), 1);
    for (const [name, kind] of [
      ...required,
      ["Egypt", "place"],
      ["Jen Psaki", "person"],
      ["Logan Bayroff", "person"],
      ["Karine Jean-Pierre", "person"],
    ] as const) {
      assert.deepEqual(
        index.filter((entity) => entity.name === name).map((entity) => entity.kind),
        [kind],
        name,
      );
    }
    for (const key of [...variants, "jean-pierre", "psaki"]) assert.deepEqual(byKey(index, key), [], key);
    assert.deepEqual(byKey(index, "egypt")[0]?.articleIds, [seeds[0]?.id]);
    assert.equal(new Set(keysOf(index)).size, index.length, "keys are unique");
  });

  it("should list article ids in the order the articles are given", () => {
    const reversed = [...seeds].reverse();
    const [joe] = byKey(buildEntityIndex(reversed, mentionsOf(seeds)), "joe-biden");
    assert.deepEqual(
      joe?.articleIds,
      reversed.map((seed) => seed.id),
    );
  });

  const articles = ["a", "b", "c", "d"].map((id) => makeArticle(id, "2021-05-18"));

  it("should fold a lone surname into the full name and show the fullest, most used spelling", () => {
    const mentions = new Map([
      ["a", [mention("Netanyahu", "organization"), mention("José Andrés", "person")]],
      ["b", [mention("Benjamin Netanyahu", "person"), mention("Jose Andres", "person")]],
      ["c", [mention("Benjamin Netanyahu", "person"), mention("José Andrés", "person")]],
    ]);
    const index = buildEntityIndex(articles, mentions);
    assert.deepEqual(
      index.map((e) => [e.key, e.name, e.kind, e.articleIds]),
      [
        ["benjamin-netanyahu", "Benjamin Netanyahu", "person", ["a", "b", "c"]],
        ["jose-andres", "José Andrés", "person", ["a", "b", "c"]],
      ],
    );
  });

  it("should keep a place apart from a person with that surname, and an organisation seen more often than the person", () => {
    const mentions = new Map([
      ["a", [mention("Jordan", "place"), mention("Michael Jordan", "person"), mention("West", "organization")]],
      ["b", [mention("Jordan", "place"), mention("Michael Jordan", "person"), mention("West", "organization")]],
      ["c", [mention("West", "organization"), mention("Dominic West", "person")]],
      ["d", [mention("Dominic West", "person")]],
    ]);
    assert.deepEqual(
      buildEntityIndex(articles, mentions)
        .map((e) => e.name)
        .sort(),
      ["Dominic West", "Jordan", "Michael Jordan", "West"],
    );
  });

  it("should keep only entities named in at least minArticles articles", () => {
    const mentions = new Map([
      ["a", [mention("Hamas", "organization"), mention("Egypt", "place")]],
      ["b", [mention("Hamas", "organization")]],
      ["c", [mention("Hamas", "organization")]],
    ]);
    assert.deepEqual(keysOf(buildEntityIndex(articles, mentions)), ["hamas"]);
    assert.deepEqual(keysOf(buildEntityIndex(articles, mentions, 1)), ["hamas", "egypt"]);
    assert.deepEqual(keysOf(buildEntityIndex(articles, mentions, 4)), []);
    assert.deepEqual(buildEntityIndex(articles, new Map()), []);
  });

  it("should let front matter settle an entity's kind across the archive", () => {
    const paris = [makeArticle("a", null), makeArticle("b", null), makeArticle("c", null, { people: ["Paris"] })];
    const mentions = new Map([
      ["a", [mention("Paris", "place")]],
      ["b", [mention("Paris", "place")]],
      ["c", [mention("Paris", "person")]],
    ]);
    assert.equal(buildEntityIndex(paris, mentions)[0]?.kind, "person");
  });

  it("should list companions by shared articles, then name, at most eight, only those with pages", () => {
    const many = Array.from({ length: 12 }, (_, index) => `Place ${String.fromCharCode(65 + index)}`);
    const mentions = new Map([
      [
        "a",
        [
          mention("Hamas", "organization"),
          mention("Israel", "place"),
          mention("Egypt", "place"),
          ...many.map((name) => mention(name, "place")),
        ],
      ],
      [
        "b",
        [
          mention("Hamas", "organization"),
          mention("Israel", "place"),
          mention("Egypt", "place"),
          mention("Qatar", "place"),
          ...many.map((name) => mention(name, "place")),
        ],
      ],
      ["c", [mention("Hamas", "organization"), mention("Israel", "place")]],
    ]);
    const [hamas] = byKey(buildEntityIndex(articles, mentions), "hamas");
    assert.equal(hamas?.companions.length, MAX_COMPANIONS);
    assert.deepEqual(hamas?.companions.slice(0, 3), [
      { key: "israel", name: "Israel", count: 3 },
      { key: "egypt", name: "Egypt", count: 2 },
      { key: "place-a", name: "Place A", count: 2 },
    ]);
    assert.ok(!hamas?.companions.some((companion) => companion.key === "qatar"), "Qatar has no page");
    const seedIndex = buildEntityIndex(seeds, mentionsOf(seeds));
    assert.deepEqual(
      byKey(seedIndex, "joe-biden")[0]
        ?.companions.map((c) => c.name)
        .sort(),
      seedIndex
        .filter((e) => e.key !== "joe-biden")
        .map((e) => e.name)
        .sort()
        .slice(0, MAX_COMPANIONS),
    );
  });
});
