import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newsArticleJsonLd } from "../../src/render/structuredData.ts";

const article = {
  title: "Talks </script><!-- resume",
  date: "2021-05-18",
  updated: null,
  dateline: "WASHINGTON",
  lead: "Talks resumed on Tuesday.",
  summary: null,
  byline: "By Jane Doe",
  words: 812,
} as const;

describe("newsArticleJsonLd", () => {
  it("should describe the article with its summary, not its text again", () => {
    const data = JSON.parse(newsArticleJsonLd({ article }));
    assert.deepEqual(data, {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Talks </script><!-- resume",
      wordCount: 812,
      description: "Talks resumed on Tuesday.",
      datePublished: "2021-05-18",
      dateline: "WASHINGTON",
      author: { "@type": "Person", name: "Jane Doe" },
    });
  });

  it("should prefer the front matter summary to the lead", () => {
    assert.equal(JSON.parse(newsArticleJsonLd({ article: { ...article, summary: "A summary." } })).description, "A summary.");
  });

  it("should write no < that could end its script element", () => {
    assert.doesNotMatch(newsArticleJsonLd({ article }), /</);
  });
});
