import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Article, BodyBlock } from "../../src/article.ts";
import { findRelated, RELATED_DEFAULTS, relatedText, startRelated, type RelatedLink } from "../../src/archive/related.ts";
import { BLOCK_ROWS, startPairScoringHelper } from "../../src/archive/pairScores.ts";
import { sourceKey, textKey, type TermMemory } from "../../src/archive/termMemory.ts";
import { stem, textTerms } from "../../src/archive/textTerms.ts";
import { makeArticle, parse } from "../support/articles.ts";
import { SEED_000, SEED_003, SEEDS_DIR } from "../support/paths.ts";

/** An article with a headline of its own and one paragraph per string. */
function story(id: string, title: string, ...paragraphs: string[]): Article {
  const body: BodyBlock[] = paragraphs.map((text, index) => ({ kind: "paragraph", text, line: 3 + 2 * index }));
  return makeArticle(id, "2024-07-16", { title, titleSource: "text", lead: paragraphs[0] ?? "", body });
}

const VOLCANO = [
  "A volcano erupted on the Reykjanes peninsula overnight, sending lava toward the fishing town of Grindavik.",
  "Geologists said magma had been building beneath the peninsula for weeks before the eruption.",
  "Residents of Grindavik were evacuated as lava fountains lit the sky over the harbour.",
];
const VOLCANO_FOLLOW_UP = [
  "Lava from the Reykjanes eruption reached the outskirts of Grindavik, where defensive walls held back the flow.",
  "Geologists warned that magma beneath the peninsula could feed a new fissure within days.",
];
const FOOTBALL = [
  "Arsenal beat Chelsea in the London derby, with the striker scoring twice before half-time.",
  "The manager praised his defenders after a clean sheet kept Arsenal top of the league table.",
];
const FOOTBALL_FOLLOW_UP = [
  "Chelsea supporters booed at the final whistle after a second derby defeat to Arsenal this season.",
  "The striker who scored twice against Chelsea was named player of the month by the league.",
];
const RECIPE = [
  "Roast the tomatoes slowly with garlic and thyme, then blend them with olive oil into a sauce.",
  "Season the sauce with salt and pepper and toss it with fresh pasta and torn basil leaves.",
];

/** Two stories told twice each (one of them saved again, updated), and one on its own. */
const SEVERAL_STORIES = [
  story("volcano", "Volcano erupts near Grindavik", ...VOLCANO),
  story("volcano-later", "Lava reaches Grindavik defences", ...VOLCANO_FOLLOW_UP),
  story("volcano-copy", "Volcano erupts near Grindavik", ...VOLCANO, "This story has been updated with new information."),
  story("derby", "Arsenal win the London derby", ...FOOTBALL),
  story("derby-later", "Chelsea fans turn on their team", ...FOOTBALL_FOLLOW_UP),
  story("recipe", "A summer tomato sauce", ...RECIPE),
];

const ids = (links: readonly RelatedLink[] | undefined) => (links ?? []).map((link) => link.id);

describe("findRelated", () => {
  describe("on the seed articles", async () => {
    const seeds = await Promise.all([SEED_000, SEED_003].map(async (file) => parse(await readFile(join(SEEDS_DIR, file), "utf8"), file)));
    const [first, second] = seeds;
    const related = findRelated(seeds);

    it("should make the two seeds each other's related coverage", () => {
      assert.deepEqual(ids(related.get(first?.id ?? "")), [second?.id]);
      assert.deepEqual(ids(related.get(second?.id ?? "")), [first?.id]);
    });

    it("should not take one seed for a copy of the other", () => {
      const link = related.get(first?.id ?? "")?.[0];
      assert.equal(link?.nearDuplicate, false);
      assert.ok(
        (link?.score ?? 0) >= RELATED_DEFAULTS.minScore && (link?.score ?? 1) < RELATED_DEFAULTS.duplicateScore,
        `score ${link?.score}`,
      );
    });
  });

  describe("on an archive of several stories", () => {
    const articles = SEVERAL_STORIES;
    const related = findRelated(articles);

    it("should link articles on the same story", () => {
      assert.ok(ids(related.get("volcano-later")).includes("volcano"));
      assert.deepEqual(ids(related.get("derby")), ["derby-later"]);
      assert.deepEqual(ids(related.get("derby-later")), ["derby"]);
    });

    it("should not link articles on unrelated stories", () => {
      assert.deepEqual(related.get("recipe"), []);
      for (const id of ["volcano", "volcano-later", "volcano-copy"]) {
        assert.ok(
          ids(related.get(id)).every((other) => other.startsWith("volcano")),
          `${id}: ${ids(related.get(id)).join(", ")}`,
        );
      }
    });

    it("should mark a copy of the same story saved twice as a near-duplicate", () => {
      const copy = related.get("volcano")?.find((link) => link.id === "volcano-copy");
      assert.equal(copy?.nearDuplicate, true);
      assert.ok((copy?.score ?? 0) >= RELATED_DEFAULTS.duplicateScore);
      const followUp = related.get("volcano")?.find((link) => link.id === "volcano-later");
      assert.equal(followUp?.nearDuplicate, false);
    });

    it("should list the most similar first", () => {
      assert.deepEqual(ids(related.get("volcano")), ["volcano-copy", "volcano-later"]);
      const scores = related.get("volcano")?.map((link) => link.score) ?? [];
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
      );
    });

    it("should never link an article to itself", () => {
      for (const [id, links] of related) assert.ok(!ids(links).includes(id), id);
    });

    it("should give every article an entry, in the order given", () => {
      assert.deepEqual(
        [...related.keys()],
        articles.map((article) => article.id),
      );
    });

    it("should give the same result whatever the order of the articles", () => {
      const reversed = findRelated([...articles].reverse());
      assert.deepEqual(Object.fromEntries(reversed), Object.fromEntries(related));
    });
  });

  describe("options and edge cases", () => {
    const copies = ["d", "b", "e", "a", "c"].map((id) => story(id, "Volcano erupts near Grindavik", ...VOLCANO));

    it("should respect max", () => {
      const related = findRelated(copies, { max: 2 });
      for (const links of related.values()) assert.equal(links.length, 2);
      assert.equal(findRelated(copies, { max: 0 }).get("a")?.length, 0);
    });

    it("should break ties in score by id", () => {
      const related = findRelated(copies);
      assert.deepEqual(ids(related.get("c")), ["a", "b", "d", "e"]);
      assert.ok(related.get("c")?.every((link) => link.score === 1 && link.nearDuplicate));
    });

    it("should respect minScore and duplicateScore", () => {
      const articles = [
        story("volcano", "Volcano erupts near Grindavik", ...VOLCANO),
        story("volcano-later", "Lava reaches Grindavik defences", ...VOLCANO_FOLLOW_UP),
      ];
      assert.deepEqual(findRelated(articles, { minScore: 0.99 }).get("volcano"), []);
      assert.equal(findRelated(articles, { duplicateScore: 0.01 }).get("volcano")?.[0]?.nearDuplicate, true);
    });

    it("should give an article with no words an empty list", () => {
      const empty = story("empty", "—", "…", "12 · a · of");
      const noBody = makeArticle("no-body", null, { body: [] });
      const related = findRelated([empty, noBody, ...copies]);
      assert.deepEqual(related.get("empty"), []);
      assert.deepEqual(related.get("no-body"), []);
      assert.ok(ids(related.get("a")).every((id) => id !== "empty" && id !== "no-body"));
    });

    it("should collapse copies of another story into one link, but list every copy of the article itself", () => {
      const articles = [
        story("volcano", "Volcano erupts near Grindavik", ...VOLCANO),
        story("volcano-copy", "Volcano erupts near Grindavik", ...VOLCANO),
        story("later-1", "Lava reaches Grindavik defences", ...VOLCANO_FOLLOW_UP),
        story("later-2", "Lava reaches Grindavik defences", ...VOLCANO_FOLLOW_UP),
        story("later-3", "Lava reaches Grindavik defences", ...VOLCANO_FOLLOW_UP),
      ];
      assert.deepEqual(ids(findRelated(articles).get("volcano")), ["volcano-copy", "later-1"]);
      assert.deepEqual(ids(findRelated(articles).get("later-2")), ["later-1", "later-3", "volcano"]);
    });

    it("should not count a derived title, which repeats the lead", () => {
      const derived = (id: string): Article => ({
        ...story(id, "Arsenal beat Chelsea in the London derby", ...FOOTBALL),
        titleSource: "derived",
      });
      const related = findRelated([derived("a"), derived("b"), story("c", "Arsenal beat Chelsea in the London derby", ...FOOTBALL)]);
      assert.equal(related.get("a")?.[0]?.id, "b");
      assert.equal(related.get("a")?.[0]?.score, 1);
      assert.ok((related.get("c")?.[0]?.score ?? 1) < 1);
    });
  });
});

describe("findRelated when one article gains a word no other has", () => {
  it("should change no list but those that hold that article, before or after", () => {
    // 40 stories of ten articles, each article a different pick of its story's words: many terms weigh the same.
    const articles = Array.from({ length: 400 }, (_, index) => {
      const topic = index % 40;
      const words = Array.from({ length: 12 }, (_, k) => `topic${topic}word${(k * 7 + index) % 25}`);
      return story(`story-${String(index).padStart(3, "0")}`, `Report on topic${topic}`, words.join(" "));
    });
    const edited = "story-150";
    const before = findRelated(articles);
    const after = findRelated(
      articles.map((article) =>
        article.id === edited
          ? story(edited, article.title, ...article.body.map((block) => ("text" in block ? `${block.text} zeppelin` : "")))
          : article,
      ),
    );
    const changed = [...before].filter(([id, links]) => {
      const now = after.get(id) ?? [];
      const holds = (list: readonly RelatedLink[]) => list.some((link) => link.id === edited);
      return id !== edited && !holds(links) && !holds(now) && JSON.stringify(ids(links)) !== JSON.stringify(ids(now));
    });
    assert.deepEqual(
      changed.map(([id]) => id),
      [],
    );
  });
});

describe("findRelated with the last build's terms", () => {
  const archive = SEVERAL_STORIES;
  const byId = (id: string) => archive.find((article) => article.id === id) as Article;
  /** Runs `findRelated` remembering from `previous`; returns its links and the memory it hands on. */
  const remembering = (articles: readonly Article[], previous: TermMemory | null, sourceKeys?: ReadonlyMap<string, string>) => {
    let kept: TermMemory | null = null;
    const related = findRelated(articles, {}, { previous, keep: (memory) => (kept = memory), ...(sourceKeys && { sourceKeys }) });
    assert.ok(kept !== null, "a memory is handed on");
    return { related, kept: kept as TermMemory };
  };

  it("should find what reading every text afresh finds, after edits, additions and removals", () => {
    const first = remembering(archive, null);
    assert.deepEqual(first.related, findRelated(archive));
    assert.equal(first.kept.entries.size, archive.length);
    // The derby report edited, the recipe gone, a new volcano story: the others are remembered.
    const next = [
      ...archive.filter((article) => article.id !== "recipe" && article.id !== "derby"),
      story("derby", "Arsenal win the London derby", ...FOOTBALL, "Arsenal now lead the league by four points."),
      story("volcano-again", "New fissure opens near Grindavik", VOLCANO[1] ?? "", "A new fissure opened north of the town."),
    ];
    const second = remembering(next, first.kept);
    assert.deepEqual(second.related, findRelated(next));
    assert.deepEqual([...second.kept.entries.keys()].sort(), next.map((article) => textKey(relatedText(article))).sort());
  });

  it("should take a remembered text's terms from the memory, not from the text", () => {
    const { kept } = remembering(archive, null);
    // The memory says the recipe is about the derby: only a remembered text would make the two related.
    const derby = kept.entries.get(textKey(relatedText(byId("derby")))) ?? -1;
    const recipe = kept.entries.get(textKey(relatedText(byId("recipe")))) ?? -1;
    const entries = new Map(kept.entries);
    entries.set(textKey(relatedText(byId("recipe"))), derby);
    assert.ok(derby >= 0 && recipe >= 0);
    const { related } = remembering(archive, { ...kept, entries });
    assert.deepEqual(ids(findRelated(archive).get("recipe")), []);
    assert.ok(ids(related.get("recipe")).includes("derby"));
  });

  it("should remember an article with a source key under it, and not read its text again while the key stays", () => {
    const keys = new Map(archive.map((article) => [article.id, `key of ${article.id}`]));
    const first = remembering(archive, null, keys);
    assert.deepEqual(first.related, findRelated(archive));
    assert.deepEqual([...first.kept.entries.keys()].sort(), archive.map((article) => sourceKey(`key of ${article.id}`)).sort());
    // The recipe now says what the derby report says: under its old key its terms are the remembered ones, under a new key they are read.
    const rewritten = archive.map((article) => (article.id === "recipe" ? { ...byId("derby"), id: "recipe" } : article));
    assert.ok(ids(findRelated(rewritten).get("recipe")).includes("derby"));
    assert.deepEqual(ids(remembering(rewritten, first.kept, keys).related.get("recipe")), []);
    const rekeyed = new Map([...keys, ["recipe", "a new key"]]);
    assert.ok(ids(remembering(rewritten, first.kept, rekeyed).related.get("recipe")).includes("derby"));
  });
});

describe("textTerms", () => {
  it("should lowercase, drop stop words and words under three characters, and keep digits", () => {
    assert.deepEqual(textTerms("The President of the US met 3,400 reporters in 2024."), ["president", "met", "400", "reporter", "2024"]);
  });

  it("should drop the grammar of contractions and possessives", () => {
    assert.deepEqual(textTerms("Biden’s aides didn't say; Israel's army won’t"), ["biden", "aide", "israel", "army", "won"]);
  });

  it("should keep words in any script and fold look-alike forms", () => {
    assert.deepEqual(textTerms("Pokémon Ｆｕｌｌ ﬁnance Köln 東京都 नमस्ते"), ["pokémon", "full", "finance", "köln", "東京都", "नमस्ते"]);
  });

  it("should strip plural endings only", () => {
    assert.deepEqual(["ceasefires", "policies", "business", "virus", "crisis", "news", "building"].map(stem), [
      "ceasefire",
      "policy",
      "business",
      "virus",
      "crisis",
      "news",
      "building",
    ]);
  });
});

describe("findRelated with a helper thread", () => {
  const articles = Array.from({ length: 600 }, (_, index) => {
    const topic = index % 60;
    const words = Array.from({ length: 12 }, (_, k) => `topic${topic}word${(k * 7 + index) % 25}`);
    return story(`story-${String(index).padStart(3, "0")}`, `Report on topic${topic}`, words.join(" "), `shared${index % 7} closing words`);
  });

  it("should find what this thread finds alone", async () => {
    const helper = startPairScoringHelper();
    try {
      await helper.ready;
      assert.deepEqual(findRelated(articles, {}, undefined, helper), findRelated(articles));
    } finally {
      await helper.close();
    }
  });

  it("should let the helper score alone between the two halves (startRelated), for the same links", async () => {
    const helper = startPairScoringHelper();
    try {
      await helper.ready;
      const pending = startRelated(articles, {}, undefined, helper);
      // This thread is free: every block of the 600 rows (64 rows each) goes to the helper.
      const blocks = Math.ceil(articles.length / BLOCK_ROWS);
      for (let waited = 0; helper.blocksScored() < blocks && waited < 10_000; waited += 10)
        await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(helper.blocksScored(), blocks);
      assert.deepEqual(pending.finish(), findRelated(articles));
    } finally {
      await helper.close();
    }
  });
});
