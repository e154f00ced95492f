/**
 * Prepared articles kept between builds, so that a build parses and reads
 * for entities only the files that changed. One JSON file per entry, under
 * `<dir>/articles/<code version>/`, named by the sha256 of everything the
 * preparation depends on: the code (`codeVersion.ts`), the file's path (ids
 * and dates can come from the name), the numeric-date setting and the
 * file's bytes. Editing a file, or the code, misses; nothing else does.
 *
 * The build date is not in the key, or every entry would expire at
 * midnight: it only decides `FUTURE_DATE` (see `IngestOptions.today`), so an
 * entry holds on another day as long as its article's date is after
 * neither day (`holdsOn`).
 *
 * The cache is an optimisation, never a source of truth: an entry that
 * cannot be read or parsed is a miss, and a failed write is ignored.
 * Entries are written to a temporary file and renamed, so a build killed
 * half way or two builds at once never leave half an entry.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { IsoDate } from "../article.ts";
import type { IngestOptions } from "../ingest/ingestOptions.ts";
import type { RawSeed } from "../ingest/rawSeed.ts";
import type { PreparedSeed } from "./prepareSeed.ts";

interface Entry {
  /** The build date the entry was made on. */
  readonly today: IsoDate;
  readonly prepared: PreparedSeed;
}

export interface ArticleCache {
  /** Where the entries of this code version are. */
  readonly folder: string;
  /** The key of a seed's entry. */
  keyOf(seed: RawSeed): string;
  /** The seed's prepared article, or `null` on a miss. Synchronous: thousands of small reads are 2–3 times faster so. */
  read(key: string): PreparedSeed | null;
  /** Queues an entry to be written; `close` waits for the writes. */
  write(key: string, prepared: PreparedSeed): void;
  /** Waits for the queued writes and the removal of other code versions' entries. */
  close(): Promise<void>;
}

/** Writes at once, at most: enough to keep the disk busy, few enough to bound memory. */
const WRITES_IN_FLIGHT = 16;

/** Whether an entry made on `madeOn` gives the same record on `today`. */
export function holdsOn(prepared: PreparedSeed, madeOn: IsoDate, today: IsoDate): boolean {
  if (madeOn === today || !prepared.ok) return true;
  const date = prepared.article.date;
  return date === null || (date <= today && date <= madeOn);
}

/** Opens (and creates) the cache in `dir` for the code of `version`, for builds with `options`. */
export async function openArticleCache(dir: string, version: string, options: IngestOptions): Promise<ArticleCache> {
  const root = join(dir, "articles");
  const folder = join(root, version);
  await mkdir(folder, { recursive: true });
  // Entries of other code versions can never be read again.
  const cleared = readdir(root)
    .then((names) =>
      Promise.all(names.filter((name) => name !== version).map((name) => rm(join(root, name), { recursive: true, force: true }))),
    )
    .catch(() => undefined);

  const pathOf = (key: string) => join(folder, key.slice(0, 2), `${key}.json`);
  const queue: Array<readonly [string, PreparedSeed]> = [];
  let writing = 0;
  let idle: (() => void) | null = null;

  async function store(key: string, prepared: PreparedSeed): Promise<void> {
    const path = pathOf(key);
    const temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      await mkdir(join(folder, key.slice(0, 2)), { recursive: true });
      await writeFile(temporary, JSON.stringify({ today: options.today, prepared } satisfies Entry));
      await rename(temporary, path);
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }
  function pump(): void {
    while (writing < WRITES_IN_FLIGHT && queue.length > 0) {
      const [key, prepared] = queue.shift() as readonly [string, PreparedSeed];
      writing += 1;
      void store(key, prepared).finally(() => {
        writing -= 1;
        pump();
      });
    }
    if (writing === 0 && queue.length === 0) idle?.();
  }

  return {
    folder,
    keyOf(seed) {
      return createHash("sha256")
        .update(`${version}\0${seed.file}\0${options.numericDates ?? ""}\0`)
        .update(seed.bytes)
        .digest("hex");
    },
    read(key) {
      try {
        const entry = JSON.parse(readFileSync(pathOf(key), "utf8")) as Entry;
        return holdsOn(entry.prepared, entry.today, options.today) ? entry.prepared : null;
      } catch {
        return null;
      }
    },
    write(key, prepared) {
      queue.push([key, prepared]);
      pump();
    },
    async close() {
      if (writing > 0 || queue.length > 0) await new Promise<void>((resolve) => (idle = resolve));
      await cleared;
    },
  };
}
