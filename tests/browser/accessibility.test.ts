// axe-core in Chromium over every page type, light and dark: zero violations.
// Plus what axe cannot see: no sideways scrolling at 320 px, and a dark theme
// that really changes the colours.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import type { Archive } from "../../src/archive/archive.ts";
import { launchChromium, type Browser } from "../support/chromium.ts";
import { buildIntoTemp } from "../support/buildFixture.ts";
import { SEEDS_DIR } from "../support/paths.ts";
import { serveFolder, type StaticServer } from "../support/staticServer.ts";

let server: StaticServer;
let browser: Browser;
let archive: Archive;

before(async () => {
  const built = await buildIntoTemp(SEEDS_DIR);
  archive = built.report.archive;
  server = await serveFolder(built.outDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function pageTypes(): Array<[string, string]> {
  const conflicted = archive.articles.find((article) => article.dateConflict !== null);
  const plain = archive.articles.find((article) => article.dateConflict === null);
  const year = archive.periodPages.find((page) => page.kind === "year");
  const month = archive.periodPages.find((page) => page.kind === "month");
  return [
    ["home", "/"],
    ["article", plain?.url ?? "/"],
    ["article with a date-conflict notice", conflicted?.url ?? "/"],
    ["timeline", "/timeline/"],
    ["year", year?.url ?? "/"],
    ["month", month?.url ?? "/"],
    ["entity", archive.entityPages[0]?.url ?? "/"],
    ["entity index", "/people/"],
    ["search with results", "/search/?q=ceasefire"],
    ["404", "/404.html"],
  ];
}

describe("accessibility", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`should have no axe violations on any page type, ${scheme} theme`, async () => {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const [name, url] of pageTypes()) {
        await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle" });
        const results = await new AxeBuilder({ page }).analyze();
        for (const violation of results.violations)
          found.push(`${name}: ${violation.id} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
      }
      await page.close();
      assert.deepEqual(found, []);
    });
  }

  it("should not scroll sideways at 320 px on any page type", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    const wide: string[] = [];
    for (const [name, url] of pageTypes()) {
      await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle" });
      const overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
      if (Number(overflow) > 0) wide.push(`${name}: ${String(overflow)} px too wide`);
    }
    await page.close();
    assert.deepEqual(wide, []);
  });

  it("should change the colours in the dark theme", async () => {
    const colours: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.origin}/`);
      colours.push(
        String(await page.evaluate("getComputedStyle(document.body).backgroundColor + ' ' + getComputedStyle(document.body).color")),
      );
      await page.close();
    }
    assert.notEqual(colours[0], colours[1]);
  });
});
