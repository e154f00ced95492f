/**
 * `npm run screenshots [-- --seeds DIR --out DIR]`: builds the site, then
 * photographs every page type at phone and desktop widths, in the light and
 * the dark theme, so a person can review the look without serving a site.
 */
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../browser/chromium.ts";
import { serveFolder } from "../browser/staticServer.ts";
import { buildSite } from "../build.ts";
import { DEFAULT_OPTIONS } from "../buildOptions.ts";
import { parseCommandLine, settingsFrom } from "./options.ts";

const WIDTHS = [375, 1280] as const;
const SCHEMES = ["light", "dark"] as const;

const values = parseCommandLine(process.argv.slice(2), { out: { type: "string" } });
const shotsDir = values.out ?? "screenshots";
const siteDir = join(await mkdtemp(join(tmpdir(), "clippings-shots-")), "site");
const report = await buildSite({
  seedsDir: values.seeds ?? DEFAULT_OPTIONS.seedsDir,
  outDir: siteDir,
  settings: await settingsFrom(values),
});
const { archive } = report;

const conflicted = archive.articles.find((article) => article.dateConflict !== null);
const firstPeriod = (kind: "year" | "month") => archive.periodPages.find((page) => page.kind === kind)?.url;
const pageTypes: Array<[string, string | undefined]> = [
  ["home", "/"],
  ["article", archive.articles.find((article) => article.dateConflict === null)?.url],
  ["article-date-conflict", conflicted?.url],
  ["timeline", "/timeline/"],
  ["year", firstPeriod("year")],
  ["month", firstPeriod("month")],
  ["search", "/search/?q=the"],
  ["not-found", "/404.html"],
];

await mkdir(shotsDir, { recursive: true });
const server = await serveFolder(siteDir);
const browser = await launchChromium();
try {
  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, url] of pageTypes) {
        if (url === undefined) continue;
        await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle" });
        const file = join(shotsDir, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
