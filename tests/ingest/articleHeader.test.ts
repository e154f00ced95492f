import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readArticleHeader } from "../../src/ingest/articleHeader.ts";

const header = (text: string) => readArticleHeader(text.split("\n"));

describe("readArticleHeader", () => {
  it("should read headline, byline, published and updated lines above the story", () => {
    const found = header(
      "Biden presses for ceasefire\nBy Lauren Izso and Mohammed Tawfeeq\nTuesday, May 18, 2021\nUpdated: May 19, 2021 4:05 PM EDT\n\nWASHINGTON – Text.",
    );
    assert.deepEqual(found.title, { text: "Biden presses for ceasefire", line: 1 });
    assert.deepEqual(found.byline, { text: "By Lauren Izso and Mohammed Tawfeeq", line: 2 });
    assert.deepEqual(found.published, { text: "Tuesday, May 18, 2021", line: 3, date: "2021-05-18" });
    assert.deepEqual(found.updated, { text: "Updated: May 19, 2021 4:05 PM EDT", line: 4, date: "2021-05-19" });
    assert.deepEqual(found.lines, ["", "", "", "", "", "WASHINGTON – Text."]);
  });

  it("should read the CNN shape: # headline, Published line, rule", () => {
    const found = header("# Teoscar Hernández wins\n\nPublished :`2024-07-16 23:37:18`\n\n---\n\nBody.\n\n---\n");
    assert.equal(found.title?.text, "Teoscar Hernández wins");
    assert.equal(found.published?.date, "2024-07-16");
    assert.equal(found.lines[6], "Body.");
    assert.equal(found.lines[4], "", "the rule under the header is not story");
  });

  it("should take a byline below the date line", () => {
    assert.equal(header("May 18, 2021\nBy Jane Doe, CNN\n\nText.").byline?.text, "By Jane Doe, CNN");
  });

  it("should leave a first paragraph that is no headline as story", () => {
    const found = header("The talks resumed on Monday, officials said.\n\nMay 18, 2021 was mentioned.");
    assert.equal(found.title, null);
    assert.equal(found.published, null);
    assert.equal(found.lines[0], "The talks resumed on Monday, officials said.");
  });

  it("should not take a prose sentence starting with By for a byline", () => {
    assert.equal(header("May 18, 2021\n\nBy the following afternoon, he was dead.").byline, null);
  });
});
