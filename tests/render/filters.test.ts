import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { filters, monthLabel, readableDate } from "../../src/render/filters.ts";
import { renderMarkdown, renderMarkdownInline } from "../../src/render/markdown.ts";

describe("filters", () => {
  it("should show dates to readers as day, month name and year", () => {
    assert.equal(readableDate("2021-05-18"), "18 May 2021");
    assert.equal(readableDate("2023-01-01"), "1 January 2023");
    assert.equal(monthLabel("2021-05"), "May 2021");
  });

  it("should render Markdown with raw HTML escaped", () => {
    assert.equal(renderMarkdown("Some *news*."), "<p>Some <em>news</em>.</p>\n");
    assert.equal(renderMarkdown("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    assert.equal(renderMarkdownInline("A <b>caption</b>"), "A &lt;b&gt;caption&lt;/b&gt;");
  });

  it("should make every subheading in article text an h2 under the page's h1", () => {
    assert.equal(renderMarkdown("### Charges in Louisiana"), "<h2>Charges in Louisiana</h2>\n");
    assert.equal(renderMarkdown("# Big"), "<h2>Big</h2>\n");
  });

  it("should not make links of javascript:, vbscript: or data: addresses", () => {
    for (const url of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:x", "data:image/png;base64,AAAA", "data:text/html,<b>"]) {
      assert.doesNotMatch(renderMarkdown(`[x](${url})`), /<a /, url);
    }
    assert.match(renderMarkdown("[x](https://example.org/)"), /<a href="https:\/\/example.org\/">x<\/a>/);
  });

  it("should give policies that need no escaping in an attribute, as base.njk writes them", () => {
    for (const kind of [undefined, "search"]) assert.doesNotMatch(filters.contentSecurityPolicy(kind), /["&<>]/);
  });
});
