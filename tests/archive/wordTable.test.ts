import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { WordTable } from "../../src/archive/wordTable.ts";

describe("the word table", () => {
  it("should give each distinct word one value, asked for once, read from the text in any case", () => {
    const asked: string[] = [];
    const table = new WordTable((word) => {
      asked.push(word);
      return asked.length * 10;
    });
    const text = "Ceasefire talks; CEASEFIRE Talks, ceasefire";
    assert.equal(table.ascii(text, 0, 9), 10);
    assert.equal(table.ascii(text, 10, 15), 20);
    assert.equal(table.ascii(text, 17, 26), 10);
    assert.equal(table.ascii(text, 27, 32), 20);
    assert.equal(table.word("ceasefire"), 10);
    assert.deepEqual(asked, ["ceasefire", "talks"]);
    assert.equal(table.size, 2);
  });

  it("should keep every word apart as it grows past its first capacity", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/), { maxLength: 400 }), (words) => {
        const table = new WordTable((word) => word.length * 1000 + word.charCodeAt(0), 4);
        const expected = new Map<string, number>();
        for (const word of words) {
          const key = word.toLowerCase();
          const value = table.ascii(` ${word} `, 1, word.length + 1);
          if (!expected.has(key)) expected.set(key, key.length * 1000 + key.charCodeAt(0));
          assert.equal(value, expected.get(key));
        }
        assert.equal(table.size, expected.size);
        for (const [key, value] of expected) assert.equal(table.word(key), value);
      }),
    );
  });
});
