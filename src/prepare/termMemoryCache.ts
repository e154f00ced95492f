/**
 * The related coverage's term memory (`src/archive/termMemory.ts`) in the
 * build's cache folder, `related-terms.bin` beside the article cache, as
 * V8's serialisation of typed arrays: some 50 MB at 20,000 articles, read
 * in a tenth of a second. Like the article cache, an optimisation only: a
 * file that is missing, unreadable or made by other code is no memory at
 * all, and a failed write is ignored.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { TermMemory, TermRecall } from "../archive/termMemory.ts";
import { codeVersion } from "./codeVersion.ts";
import { replaceFile } from "./replaceFile.ts";

const FILE = "related-terms.bin";
/** The modules whose code decides an article's terms. */
const TERMS_CODE = [new URL("../archive/related.ts", import.meta.url)];

interface Stored {
  readonly version: string;
  readonly vocabulary: string[];
  readonly keys: string[];
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly counts: Int32Array;
}

/** The memory kept in `cacheDir`, or `null` when there is none of this code. */
export async function readTermMemory(cacheDir: string): Promise<TermMemory | null> {
  try {
    const stored = deserialize(await readFile(join(cacheDir, FILE))) as Stored;
    if (stored.version !== (await codeVersion(TERMS_CODE))) return null;
    return {
      vocabulary: stored.vocabulary,
      entries: new Map(stored.keys.map((key, index) => [key, index])),
      offsets: stored.offsets,
      ids: stored.ids,
      counts: stored.counts,
    };
  } catch {
    return null;
  }
}

/** Keeps `memory` in `cacheDir` for the next build, replacing the last; written aside and renamed, never half. */
export async function writeTermMemory(cacheDir: string, memory: TermMemory): Promise<void> {
  const file = join(cacheDir, FILE);
  const stored: Stored = {
    version: await codeVersion(TERMS_CODE),
    vocabulary: [...memory.vocabulary],
    keys: [...memory.entries.keys()],
    offsets: memory.offsets,
    ids: memory.ids,
    counts: memory.counts,
  };
  await replaceFile(file, serialize(stored));
}

/**
 * The memory in `cacheDir` for a build to recall from, and to keep what the
 * build hands on (`save`); articles with a key in `sourceKeys` are kept
 * under it (`TermRecall.sourceKeys`).
 */
export async function termRecall(
  cacheDir: string,
  sourceKeys: ReadonlyMap<string, string> = new Map(),
): Promise<TermRecall & { save(): Promise<void> }> {
  let kept: TermMemory | null = null;
  return {
    previous: await readTermMemory(cacheDir),
    sourceKeys,
    keep: (memory) => void (kept = memory),
    save: async () => {
      if (kept !== null) await writeTermMemory(cacheDir, kept);
    },
  };
}
