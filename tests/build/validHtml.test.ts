// Every page type passes html-validate's recommended rules with zero errors.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { HtmlValidate } from "html-validate";
import { buildIntoTemp } from "../support/buildFixture.ts";
import { SEEDS_DIR } from "../support/paths.ts";
import { htmlPages } from "../support/siteFiles.ts";

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Long lines of article text are content, not markup style.
    "long-title": "off",
  },
});

let outDir = "";
before(async () => {
  ({ outDir } = await buildIntoTemp(SEEDS_DIR));
});

describe("valid HTML", () => {
  it("should validate every page with zero errors", async () => {
    const pages = (await htmlPages(outDir)).filter((page) => !page.file.startsWith("pagefind/"));
    assert.ok(pages.length >= 8);
    const problems: string[] = [];
    for (const { file, html } of pages) {
      const report = await validator.validateString(html, file);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
