/**
 * Prepared articles kept between builds, so that a build parses and reads
 * for entities only the files that changed. Each entry is named by the
 * sha256 of everything the preparation depends on: the code
 * (`codeVersion.ts`), the file's path (ids and dates can come from the
 * name), the numeric-date setting and the file's bytes. Editing a file, or
 * the code, misses; nothing else does. Entries live under
 * `<dir>/articles/<code version>/`, in two places:
 *
 * - `pack.bin`: one file holding the entries of a whole build, read in one
 *   go. At 20,000 articles, reading 20,000 small files took 2.3–2.6 s when
 *   the system had them on disk rather than in memory, as it often does
 *   between builds; the one 170 MB file takes 0.1 s.
 * - one JSON file per entry, `<key[0..2]>/<key>.json`, written for every
 *   article prepared, so that a build stopped half way keeps what it did.
 *
 * A build reads the pack, then the files of the keys it lacks. The pack is
 * written again, with exactly the entries of the build, when the entries
 * it lacks and those it holds for no file of the build outnumber
 * `PACK_STALE_SHARE` of the build's articles: on the first build, or after
 * many edits or removals. One edit costs one small file, not a 170 MB
 * rewrite.
 *
 * The build date is not in the key, or every entry would expire at
 * midnight: it only decides `FUTURE_DATE` (see `IngestOptions.today`), so an
 * entry holds on another day as long as its article's date is after
 * neither day (`holdsOn`).
 *
 * The cache is an optimisation, never a source of truth: an entry that
 * cannot be read or parsed is a miss, a damaged pack is no pack, and a
 * failed write is ignored. Files are written to a temporary name and
 * renamed, so a build killed half way or two builds at once never leave
 * half an entry or half a pack.
 */
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, readFileSync, type WriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
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
  /**
   * The build's entries, one per key (`null`: a miss), read synchronously:
   * thousands of small reads are 2–3 times faster so. Once per cache: the
   * keys are the build's, and decide whether the pack is written again.
   */
  readAll(keys: readonly string[]): Array<PreparedSeed | null>;
  /** Queues an entry to be written (each miss of `readAll`); `close` waits for the writes. */
  write(key: string, prepared: PreparedSeed): void;
  /** Waits for the queued writes, the pack and the removal of other code versions' entries. */
  close(): Promise<void>;
}

export const PACK_FILE = "pack.bin";

/** The pack is written again when its entries missing or unused outnumber this share of a build's articles. */
export const PACK_STALE_SHARE = 0.02;

/** Writes at once, at most: enough to keep the disk busy, few enough to bound memory. */
const WRITES_IN_FLIGHT = 16;

/** Bytes at the end of a pack giving the length of its index: decimal digits, zero-padded. */
const TRAILER_BYTES = 16;

/** A pack's index: the keys, and each one's entry as a byte offset and length into the pack. */
interface PackIndex {
  readonly keys: readonly string[];
  readonly spans: readonly number[];
}

/** Whether an entry made on `madeOn` gives the same record on `today`. */
export function holdsOn(prepared: PreparedSeed, madeOn: IsoDate, today: IsoDate): boolean {
  if (madeOn === today || !prepared.ok) return true;
  const date = prepared.article.date;
  return date === null || (date <= today && date <= madeOn);
}

/** The pack's entries, as slices of its bytes, by key; empty when there is none or it is damaged. */
function readPack(path: string): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  try {
    const bytes = readFileSync(path);
    const indexEnd = bytes.length - TRAILER_BYTES;
    const indexStart = indexEnd - Number(bytes.toString("latin1", indexEnd));
    if (!(indexStart >= 0 && indexStart <= indexEnd)) return entries;
    const { keys, spans } = JSON.parse(bytes.toString("utf8", indexStart, indexEnd)) as PackIndex;
    keys.forEach((key, index) => {
      const start = spans[2 * index] as number;
      const end = start + (spans[2 * index + 1] as number);
      if (start >= 0 && end <= indexStart) entries.set(key, bytes.subarray(start, end));
    });
  } catch {
    entries.clear();
  }
  return entries;
}

/** A pack being written to a temporary file, entry by entry, then renamed into place whole. */
class PackWriter {
  private readonly temporary: string;
  private readonly stream: WriteStream;
  private readonly keys: string[] = [];
  private readonly spans: number[] = [];
  private offset = 0;
  private failed = false;

  constructor(private readonly path: string) {
    this.temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    this.stream = createWriteStream(this.temporary);
    this.stream.on("error", () => (this.failed = true));
  }

  add(key: string, entry: Buffer): void {
    this.keys.push(key);
    this.spans.push(this.offset, entry.length);
    this.offset += entry.length;
    this.stream.write(entry);
  }

  async finish(): Promise<void> {
    try {
      const index = Buffer.from(JSON.stringify({ keys: this.keys, spans: this.spans } satisfies PackIndex));
      this.stream.end(Buffer.concat([index, Buffer.from(String(index.length).padStart(TRAILER_BYTES, "0"))]));
      await finished(this.stream);
      if (this.failed) throw new Error("pack not written");
      await rename(this.temporary, this.path);
    } catch {
      await rm(this.temporary, { force: true }).catch(() => undefined);
    }
  }
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
  const queue: Array<readonly [string, string]> = [];
  let writing = 0;
  let idle: (() => void) | null = null;
  let pack: PackWriter | null = null;

  const parse = (text: string): PreparedSeed | null => {
    try {
      const entry = JSON.parse(text) as Entry;
      return holdsOn(entry.prepared, entry.today, options.today) ? entry.prepared : null;
    } catch {
      return null;
    }
  };

  async function store(key: string, text: string): Promise<void> {
    const path = pathOf(key);
    const temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      await mkdir(join(folder, key.slice(0, 2)), { recursive: true });
      await writeFile(temporary, text);
      await rename(temporary, path);
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }
  function pump(): void {
    while (writing < WRITES_IN_FLIGHT && queue.length > 0) {
      const [key, text] = queue.shift() as readonly [string, string];
      writing += 1;
      void store(key, text).finally(() => {
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
    readAll(keys) {
      const packed = readPack(join(folder, PACK_FILE));
      /** Each hit's entry as stored, for a new pack. */
      const hits: Array<readonly [string, Buffer]> = [];
      let elsewhere = 0;
      const results = keys.map((key) => {
        const slice = packed.get(key);
        const fromPack = slice === undefined ? null : parse(slice.toString("utf8"));
        if (fromPack !== null) {
          hits.push([key, slice as Buffer]);
          return fromPack;
        }
        elsewhere += 1;
        let text: string;
        try {
          text = readFileSync(pathOf(key), "utf8");
        } catch {
          return null;
        }
        const prepared = parse(text);
        if (prepared !== null) hits.push([key, Buffer.from(text)]);
        return prepared;
      });
      // Entries of files gone or changed weigh on every read of the pack, as do those missing from it.
      const unused = packed.size - (keys.length - elsewhere);
      if (elsewhere + unused > PACK_STALE_SHARE * keys.length) {
        pack = new PackWriter(join(folder, PACK_FILE));
        for (const [key, entry] of hits) pack.add(key, entry);
      }
      return results;
    },
    write(key, prepared) {
      const text = JSON.stringify({ today: options.today, prepared } satisfies Entry);
      pack?.add(key, Buffer.from(text));
      queue.push([key, text]);
      pump();
    },
    async close() {
      if (writing > 0 || queue.length > 0) await new Promise<void>((resolve) => (idle = resolve));
      await pack?.finish();
      await cleared;
    },
  };
}
