/**
 * The only module that reads the seeds folder: every article file in it,
 * decoded to text, in a stable order. Parsing happens elsewhere.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import type { RawSeed } from "./rawSeed.ts";

/** File types read as articles; anything else in the folder is reported and skipped. */
export const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set([".txt", ".md", ".markdown"]);

/** The seeds folder is missing, not a folder, or holds no article files. */
export class SeedsFolderError extends Error {
  override readonly name = "SeedsFolderError";
}

export interface SeedFolder {
  readonly seeds: RawSeed[];
  /** Files present but not read as articles (wrong extension), relative paths. */
  readonly skipped: string[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const windows1252 = new TextDecoder("windows-1252");

function decode(bytes: Uint8Array): { text: string; utf8: boolean } {
  try {
    return { text: utf8.decode(bytes), utf8: true };
  } catch {
    return { text: windows1252.decode(bytes), utf8: false };
  }
}

/** Reads every article file under `folder` (recursively, hidden files aside), sorted by path. */
export async function readSeedFiles(folder: string): Promise<SeedFolder> {
  const info = await stat(folder).catch(() => null);
  if (info === null) throw new SeedsFolderError(`seeds folder "${folder}" does not exist`);
  if (!info.isDirectory()) throw new SeedsFolderError(`seeds folder "${folder}" is not a folder`);

  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((file) => !file.split("/").some((part) => part.startsWith(".")))
    // Byte order, not locale order, so every machine lists the files the same way.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const articleFiles = files.filter((file) => ARTICLE_EXTENSIONS.has(extname(file).toLowerCase()));
  const skipped = files.filter((file) => !ARTICLE_EXTENSIONS.has(extname(file).toLowerCase()));
  if (articleFiles.length === 0) {
    throw new SeedsFolderError(`seeds folder "${folder}" holds no article files (${[...ARTICLE_EXTENSIONS].join(", ")})`);
  }
  const seeds = await Promise.all(
    articleFiles.map(async (file) => ({ file, ...decode(await readFile(join(folder, file))) })),
  );
  return { seeds, skipped };
}
