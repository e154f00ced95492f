/**
 * Each seed file's cache key, remembered between builds by the file's
 * stats (size, modification and change times, inode), so that a build need
 * not read and hash a file it has seen unchanged: at 20,000 articles,
 * reading and hashing every seed took about a second of each rebuild.
 * Kept beside the article cache entries of the same code version
 * (`articleCache.ts`), as `seeds.json`.
 *
 * A file changed in the same instant as the last build looked at it could
 * keep its times, so, as git does with its index, an entry only holds for a
 * file last modified well before that build began (`UNSURE_MS`). Like the
 * cache, an optimisation only: a missing or damaged file remembers nothing.
 */
import type { Stats } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { replaceFile } from "./replaceFile.ts";

const FILE = "seeds.json";
/** A file modified this close before the last build looked at it may have changed unseen since. */
const UNSURE_MS = 2_000;

/** What is remembered of a file: its size, times, inode and cache key. */
type Entry = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number, key: string];

interface Stored {
  /** When the build that wrote it began to look at the files (ms since the epoch). */
  readonly lookedAt: number;
  readonly files: Readonly<Record<string, Entry>>;
}

export interface SeedStats {
  /** The cache key remembered for `file` if it is unchanged since, else `undefined`. */
  keyOf(file: string, stats: Stats): string | undefined;
  /** Remembers each file's stats (as given to `keyOf`) with its key, for the next build. */
  save(keys: ReadonlyMap<string, string>): Promise<void>;
}

/** The stats remembered in the cache folder `dir` (the code version's entries folder), for a build looking at the files `now`. */
export async function openSeedStats(dir: string, now = Date.now()): Promise<SeedStats> {
  const lookedAt = now;
  let stored: Stored | null = null;
  try {
    stored = JSON.parse(await readFile(join(dir, FILE), "utf8")) as Stored;
  } catch {
    stored = null;
  }
  const seen = new Map<string, Stats>();
  return {
    keyOf(file, stats) {
      seen.set(file, stats);
      const entry = stored?.files[file];
      if (stored === null || entry === undefined) return undefined;
      const [size, mtimeMs, ctimeMs, ino, key] = entry;
      const unchanged = size === stats.size && mtimeMs === stats.mtimeMs && ctimeMs === stats.ctimeMs && ino === stats.ino;
      return unchanged && Math.max(mtimeMs, ctimeMs) < stored.lookedAt - UNSURE_MS ? key : undefined;
    },
    async save(keys) {
      const files: Record<string, Entry> = {};
      for (const [file, key] of keys) {
        const stats = seen.get(file);
        if (stats !== undefined) files[file] = [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, key];
      }
      await replaceFile(join(dir, FILE), JSON.stringify({ lookedAt, files } satisfies Stored));
    },
  };
}
