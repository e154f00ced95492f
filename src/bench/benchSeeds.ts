/**
 * Writes a benchmark seeds folder: the article files of a corpus folder,
 * multiplied to the size asked for by `multiplyCorpus` (see there for how
 * copies are named and dated).
 */
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { ARTICLE_EXTENSIONS } from "../ingest/readSeedFiles.ts";
import { dateLineOf, multiplyCorpus, withShiftedDate, type MultiplyOptions, type SourceArticle } from "./corpusMultiplier.ts";

export interface BenchSeeds {
  readonly dir: string;
  readonly articles: number;
  readonly sources: number;
  readonly copies: number;
  /** Rounds of copies made (0 when the corpus was large enough). */
  readonly rounds: number;
  /** Earliest and latest date written on a date line. */
  readonly span: { readonly first: string; readonly last: string } | null;
  readonly bytes: number;
}

/** The article files directly in `corpusDir` (not hidden, not in subfolders). */
export async function readCorpus(corpusDir: string): Promise<SourceArticle[]> {
  const entries = await readdir(corpusDir, { withFileTypes: true });
  const files = entries.filter(
    (entry) => entry.isFile() && !entry.name.startsWith(".") && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase()),
  );
  return Promise.all(files.map(async (entry) => ({ name: entry.name, text: await readFile(join(corpusDir, entry.name), "utf8") })));
}

export async function writeBenchSeeds(corpusDir: string, seedsDir: string, options: MultiplyOptions): Promise<BenchSeeds> {
  const sources = await readCorpus(corpusDir);
  if (sources.length === 0) throw new Error(`no article files (${[...ARTICLE_EXTENSIONS].join(", ")}) in "${corpusDir}"`);
  const articles = multiplyCorpus(sources, options);
  await mkdir(seedsDir, { recursive: true });
  let bytes = 0;
  let first: string | null = null;
  let last: string | null = null;
  // A few files at a time: thousands of open handles at once gain nothing.
  const parallel = 32;
  for (let start = 0; start < articles.length; start += parallel) {
    await Promise.all(
      articles.slice(start, start + parallel).map((article) => {
        const data = Buffer.from(article.text, "utf8");
        bytes += data.length;
        return writeFile(join(seedsDir, article.name), data);
      }),
    );
  }
  for (const { date } of articles) {
    if (date === null) continue;
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  const copies = articles.filter((article) => article.round > 0).length;
  return {
    dir: seedsDir,
    articles: articles.length,
    sources: sources.length,
    copies,
    rounds: articles.reduce((max, article) => Math.max(max, article.round), 0),
    span: first !== null && last !== null ? { first, last } : null,
    bytes,
  };
}

/**
 * Edits one article of a seeds folder, as a keeper correcting a story would:
 * adds a paragraph to the first file (in name order). Returns its name.
 */
export async function editOneSeed(seedsDir: string): Promise<string> {
  const name = await firstSeed(seedsDir, "edit");
  await appendFile(join(seedsDir, name), CORRECTION);
  return name;
}

const CORRECTION = "\n\nCorrection: an earlier version of this story misstated a detail.\n";

/** Undoes `editOneSeed` and `addOneSeed`: the folder holds the articles it held before, byte for byte. */
export async function undoChanges(seedsDir: string, edited: string, added: string | null): Promise<void> {
  const file = join(seedsDir, edited);
  const text = await readFile(file, "utf8");
  if (!text.endsWith(CORRECTION)) throw new Error(`"${edited}" does not end with the correction editOneSeed adds`);
  await writeFile(file, text.slice(0, -CORRECTION.length));
  if (added !== null) await rm(join(seedsDir, added));
}

async function firstSeed(seedsDir: string, purpose: string): Promise<string> {
  const names = (await readdir(seedsDir)).filter((name) => ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())).sort();
  const name = names[0];
  if (name === undefined) throw new Error(`no article file in "${seedsDir}" to ${purpose}`);
  return name;
}

const DAY_MS = 86_400_000;

/**
 * Adds one article to a seeds folder, as a keeper filing the day's story
 * would: the first file (in name order) under a new name, its headline
 * marked as an update and its date line moved to `date` (the folder's newest date: the
 * article joins the newest search shard). Returns its name.
 */
export async function addOneSeed(seedsDir: string, date: string): Promise<string> {
  const name = await firstSeed(seedsDir, "copy");
  const text = await readFile(join(seedsDir, name), "utf8");
  const from = dateLineOf(text);
  if (from === null) throw new Error(`"${name}" has no date line to move`);
  const days = Math.round((Date.parse(date) - Date.parse(from)) / DAY_MS);
  const added = `added-${name}`;
  // After a Markdown heading's "# ", or as the first words of plain text.
  const updated = withShiftedDate(text, 0, days).text.replace(/^(?:# )?/, (heading) => `${heading}Update: `);
  await writeFile(join(seedsDir, added), updated);
  return added;
}
