import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { extractEntities, type EntityKind, type EntityMention } from "../../src/archive/entities.ts";
import { entityKey } from "../../src/archive/personNames.ts";
import { extractQuotes, nameInSubject } from "../../src/archive/quotes.ts";
import { parse } from "../support/articles.ts";
import { SEED_000, SEED_003, SEEDS_DIR } from "../support/paths.ts";

const seed = (file: string) => parse(readFileSync(join(SEEDS_DIR, file), "utf8"), file);
const mention = (name: string, kind: EntityKind, count = 1): EntityMention => ({ key: entityKey(name), name, kind, count });
const speakers = (text: string, mentions: readonly EntityMention[] = []) =>
  extractQuotes(parse(text), mentions).map((quote) => [quote.speaker, quote.text]);

describe("nameInSubject", () => {
  it("should find the person in an attribution's subject", () => {
    assert.equal(nameInSubject("White House spokeswoman Jen Psaki"), "Jen Psaki");
    assert.equal(nameInSubject("Karine Jean-Pierre, White House Assistant Secretary,"), "Karine Jean-Pierre");
    assert.equal(nameInSubject("Israeli Prime Minister Benjamin Netanyahu"), "Benjamin Netanyahu");
    assert.equal(nameInSubject("Gen. Wesley Clark (Ret.)"), "Wesley Clark");
  });

  it("should find no person in a thing, a pronoun or an acronym", () => {
    for (const subject of ["a White House statement", "the letter signed by the House Democrats", "he", "the MTA", "officials"]) {
      assert.equal(nameInSubject(subject), null, subject);
    }
  });
});

describe("extractQuotes", () => {
  it("should credit “…,” said X, spokesman for Y", () => {
    assert.deepEqual(speakers("“We’re really frustrated with the pace of this,” said Logan Bayroff, spokesman for J Street.\n"), [
      ["Logan Bayroff", "We’re really frustrated with the pace of this"],
    ]);
  });

  it("should credit “…” Role X told reporters, with straight or curly marks", () => {
    assert.deepEqual(
      speakers('"This is the most constructive approach we can take,” White House spokeswoman Jen Psaki told reporters.\n'),
      [["Jen Psaki", "This is the most constructive approach we can take"]],
    );
  });

  it("should credit “…,” X said and X said: “…”", () => {
    assert.deepEqual(
      speakers(
        "“We will keep going until the job is done,” Netanyahu said.\n\nNetanyahu said: “There is no army in the world like ours.”\n",
      ),
      [
        ["Netanyahu", "We will keep going until the job is done"],
        ["Netanyahu", "There is no army in the world like ours."],
      ],
    );
  });

  it("should give the full name and the entity key of a speaker named by surname", () => {
    const quotes = extractQuotes(parse("“There is no army in the world like ours,” said Netanyahu.\n"), [
      mention("Benjamin Netanyahu", "person", 3),
      mention("Israel", "place", 2),
    ]);
    assert.deepEqual(quotes, [
      { text: "There is no army in the world like ours", speaker: "Benjamin Netanyahu", speakerKey: "benjamin-netanyahu", line: 1 },
    ]);
  });

  it("should take a speaker's full name from the text when the mentions lack it", () => {
    const text =
      "Lawrence Norden, senior director of the elections program, has studied this.\n\n“There are certain themes that repeat every time,” Norden said.\n";
    assert.deepEqual(
      extractQuotes(parse(text)).map((quote) => [quote.speaker, quote.speakerKey]),
      [["Lawrence Norden", null]],
    );
  });

  it("should skip statements, letters, readouts, pronouns and organisations", () => {
    const text = [
      "“The president expressed his support for a ceasefire,” a White House statement said.",
      "“Too many people have already died in this war,” said the letter signed by the House Democrats.",
      "“The President has informed the Prime Minister of this,” the White House ad read.",
      "“We are expecting significant de-escalation today,” the White House said.",
      "“We will not stop until this is over,” he said.",
      "“The service on every line is unaffected today,” the MTA said.",
      "“We have no comment on these reports at all,” Reuters said.",
    ].join("\n\n");
    assert.deepEqual(speakers(text, [mention("Reuters", "organization")]), []);
  });

  it("should skip scare quotes and unclosed quotations", () => {
    assert.deepEqual(
      speakers("Members “vigorously” signed a letter, Biden said.\n\n“This quotation runs on to the next paragraph, said Biden.\n"),
      [],
    );
  });

  it("should give the line of the quotation", () => {
    const quotes = extractQuotes(parse("Opening line of the story.\n\n“We expect a ceasefire very soon now,” said Logan Bayroff.\n"));
    assert.deepEqual(
      quotes.map((quote) => quote.line),
      [3],
    );
  });

  it("should leave speakerKey null without mentions", () => {
    assert.deepEqual(
      extractQuotes(parse("“We expect a ceasefire very soon now,” said Logan Bayroff.\n")).map((quote) => quote.speakerKey),
      [null],
    );
  });

  it("should credit the seed quotations to Psaki, Bayroff, Netanyahu and Jean-Pierre", () => {
    const first = seed(SEED_000);
    const quotes000 = extractQuotes(first, extractEntities(first));
    assert.deepEqual(
      quotes000.map((quote) => [quote.speaker, quote.speakerKey, quote.text.slice(0, 30)]),
      [
        ["Jen Psaki", "jen-psaki", "Our calculation at this point "],
        ["Logan Bayroff", "logan-bayroff", "We’re really frustrated that t"],
      ],
    );

    const second = seed(SEED_003);
    const quotes003 = extractQuotes(second, extractEntities(second));
    const by = (speaker: string) => quotes003.filter((quote) => quote.speaker === speaker);
    assert.ok(by("Benjamin Netanyahu").some((quote) => quote.text.startsWith("There is no army in the world")));
    assert.ok(by("Benjamin Netanyahu").every((quote) => quote.speakerKey === "benjamin-netanyahu"));
    assert.ok(by("Karine Jean-Pierre").some((quote) => quote.text.startsWith("We have received over 60 calls")));
    assert.ok(quotes003.every((quote) => !/White House|Jerusalem Post/.test(quote.speaker)));
    assert.ok(
      quotes003.every((quote) => !/^[“"]|[,”"]$/.test(quote.text)),
      "no quote marks or trailing comma",
    );
  });
});
