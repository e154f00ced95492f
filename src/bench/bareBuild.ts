/**
 * The bare toolchain Clippings is compared with: Eleventy 3 rendering one
 * plain Markdown page per article, then the Pagefind CLI over the result,
 * both from this project's `node_modules`, each in its own child process.
 *
 * The Eleventy project is made in a folder of its own (so Clippings'
 * `.eleventy.ts` is not picked up): `input/<id>.md` per seed, the seed's
 * text under a minimal front matter (`title`, the one layout, and
 * `templateEngineOverride: md` so that Markdown is not run through Liquid
 * first: news text may hold `{{`), and `input/_includes/page.njk`, a
 * ten-line HTML page. That layout is the least Pagefind needs: it indexes
 * nothing in pages without `<html>` and `<body>`.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { idFromFileName, uniqueIds } from "../ingest/articleId.ts";
import { PROJECT_ROOT } from "../projectRoot.ts";

export const ELEVENTY_CMD = join(PROJECT_ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");
export const PAGEFIND_CMD = join(PROJECT_ROOT, "node_modules", "pagefind", "lib", "runner", "bin.cjs");

const LAYOUT = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
</head>
<body>
<main>{{ content | safe }}</main>
</body>
</html>
`;

export interface BareProject {
  readonly dir: string;
  readonly inputDir: string;
  /** Where Eleventy writes the site and Pagefind its index. */
  readonly siteDir: string;
  readonly pages: number;
}

/** The title a page gets: the seed's `# Headline`, else its file name. */
export function bareTitle(file: string, text: string): string {
  return /^# (.+)$/m.exec(text)?.[1]?.trim() ?? basename(file, extname(file));
}

/** A seed as a Markdown template; the seed's own front matter, if any, would become body text. */
export function bareTemplate(file: string, text: string): string {
  return `---\ntitle: ${JSON.stringify(bareTitle(file, text))}\nlayout: page.njk\ntemplateEngineOverride: md\n---\n${text}`;
}

export async function prepareBareProject(seedsDir: string, projectDir: string): Promise<BareProject> {
  const inputDir = join(projectDir, "input");
  await mkdir(join(inputDir, "_includes"), { recursive: true });
  await writeFile(join(inputDir, "_includes", "page.njk"), LAYOUT);
  const files = (await readdir(seedsDir)).filter((name) => !name.startsWith(".")).sort();
  const ids = uniqueIds(files.map(idFromFileName));
  const parallel = 32;
  for (let start = 0; start < files.length; start += parallel) {
    await Promise.all(
      files.slice(start, start + parallel).map(async (file, offset) => {
        const text = await readFile(join(seedsDir, file), "utf8");
        await writeFile(join(inputDir, `${ids[start + offset]}.md`), bareTemplate(file, text));
      }),
    );
  }
  return { dir: projectDir, inputDir, siteDir: join(projectDir, "site"), pages: files.length };
}

/** Eleventy's command line for the project: run with the project folder as working directory. */
export function eleventyArgs(project: BareProject): string[] {
  return [ELEVENTY_CMD, `--input=${project.inputDir}`, `--output=${project.siteDir}`, "--quiet"];
}

/** Pagefind's command line, in the language Clippings forces, so both index the same way. */
export function pagefindArgs(project: BareProject): string[] {
  return [PAGEFIND_CMD, "--site", project.siteDir, "--force-language", "en"];
}
