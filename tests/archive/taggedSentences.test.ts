import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { taggedSentences, type TaggedTerm } from "../../src/archive/taggedSentences.ts";

const words = (text: string) => taggedSentences(text).map((sentence) => sentence.map((term) => term.text));
const termOf = (text: string, word: string): TaggedTerm => {
  const found = taggedSentences(text)
    .flat()
    .find((term) => term.text === word);
  assert.ok(found, word);
  return found;
};
const tagged = (text: string, word: string, tag: string) => termOf(text, word).tags.has(tag);

describe("taggedSentences", () => {
  it("should split sentences at their end, but not after a title, an initial or a dotted abbreviation", () => {
    assert.deepEqual(words("Sen. Chuck Schumer met John F. Kennedy Jr. in the U.S. Capitol. Then he left."), [
      ["Sen", "Chuck", "Schumer", "met", "John", "F", "Kennedy", "Jr", "in", "the", "U.S.", "Capitol"],
      ["Then", "he", "left"],
    ]);
    assert.deepEqual(words("First line\n\nSecond line"), [
      ["First", "line"],
      ["Second", "line"],
    ]);
  });

  it("should keep punctuation apart from the words, and split hyphenated names as compromise does", () => {
    const [sentence = []] = taggedSentences("“We won,” said Mar-a-Lago’s al-Rimal (D-N.Y.) — again & again.");
    assert.deepEqual(
      sentence.map((term) => [term.pre, term.text, term.post]),
      [
        ["“", "We", " "],
        ["", "won", ",” "],
        ["", "said", " "],
        ["", "Mar", "-"],
        ["", "a", "-"],
        ["", "Lago’s", " "],
        ["", "al", "-"],
        ["", "Rimal", " "],
        ["(", "D-N.Y", ".) — "],
        ["", "again", " "],
        ["", "&", " "],
        ["", "again", "."],
      ],
    );
  });

  it("should tag a capitalised word inside a sentence as a proper noun, with its parents", () => {
    const text = "Officials said Hamas fired rockets.";
    assert.equal(tagged(text, "Hamas", "ProperNoun"), true);
    assert.equal(tagged(text, "Hamas", "Noun"), true);
    assert.equal(tagged(text, "Officials", "ProperNoun"), false, "the first word of a sentence");
    assert.equal(termOf(text, "fired").tags.size, 0, "lower-case words are not tagged");
  });

  it("should take what compromise's word list says, several-word entries included", () => {
    assert.equal(tagged("They flew to Israel.", "Israel", "Country"), true);
    assert.equal(tagged("They flew to New Zealand.", "New", "Country"), true);
    assert.equal(tagged("He met Jen Psaki.", "Jen", "FirstName"), true);
    assert.equal(tagged("They met on Jan. 5 again.", "Jan", "Month"), true, "a date is no proper noun");
  });

  it("should read people as compromise does: first name + capitalised word, title + name", () => {
    assert.equal(tagged("He met Jen Psaki.", "Psaki", "LastName"), true);
    assert.equal(tagged("He met Theresa May.", "May", "Person"), true);
    assert.equal(tagged("He met Dr. Smith.", "Smith", "Person"), true);
    assert.equal(tagged("She met Karine Jean-Pierre.", "Karine", "Person"), true);
    assert.equal(tagged("Weiss is investigating Hunter Biden.", "Hunter", "FirstName"), true);
  });

  it("should read places and organisations by their words, acronyms and context", () => {
    assert.equal(tagged("Officials in Houston said.", "Houston", "Place"), true);
    assert.equal(tagged("He played for the Houston Rockets.", "Houston", "Person"), false);
    assert.equal(tagged("He joined the US Army.", "US", "Place"), true);
    assert.equal(tagged("He works at Acme Inc now.", "Acme", "Organization"), true);
    assert.equal(tagged("She swam in the Hudson River.", "Hudson", "Place"), true);
    assert.equal(tagged("He visited the town of Majdal Shams.", "Majdal", "Place"), true);
    assert.equal(tagged("He visited the county, John Smith said.", "John", "Place"), false, "a clause ends at the comma");
  });
});
