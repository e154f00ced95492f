/**
 * Prepared articles kept between builds, so that a build parses and reads
 * for entities only the files that changed. Each entry is named by the
 * sha256 of everything the preparation depends on: the code
 * (`codeVersion.ts`), the file's path (ids and dates can come from the
 * name), the numeric-date setting and the file's bytes. Editing a file, or
 * the code, misses; nothing else does. Entries live under
 * `<dir>/articles/<code version>/`, in two places:
 *
 * - `pack.bin`: one file holding the entries of a whole build, read front
 *   to back in a few large reads. At 20,000 articles, reading 20,000 small
 *   files took 2.3–2.6 s when the system had them on disk rather than in
 *   memory, as it often does between builds; the one 170 MB file, 0.1 s.
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
 * renamed (entries by a thread of their own, `fileWriter.ts`), so a build
 * killed half way or two builds at once never leave half an entry or half
 * a pack.
 */
import { createHash } from "node:crypto";
import { closeSync, createWriteStream, fstatSync, openSync, readFileSync, readSync, type WriteStream } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import type { IsoDate } from "../article.ts";
import type { IngestOptions } from "../ingest/ingestOptions.ts";
import type { RawSeed } from "../ingest/rawSeed.ts";
import type { PreparedSeed } from "./prepareSeed.ts";
import { startFileWriter, type FileWriter } from "./fileWriter.ts";
import { temporaryBeside } from "./replaceFile.ts";

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

/** A pack opened for reading: its entries' places, and their bytes. */
export interface OpenPack {
  readonly spans: ReadonlyMap<string, readonly [start: number, length: number]>;
  /** The bytes at `start`, or `null` if they cannot be read: valid until the next read. Fastest asked for in the order of `start`. */
  read(start: number, length: number): Buffer | null;
  close(): void;
}

/** Bytes of a pack read at once: far fewer reads than entries, and no buffer the pack's size (Node reads no file of 2 GB or more at once). */
const PACK_WINDOW_BYTES = 32 * 1024 * 1024;

/** The pack at `path`, or `null` when there is none or it is damaged. */
export function openPack(path: string, windowBytes = PACK_WINDOW_BYTES): OpenPack | null {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  // One buffer for every window: a new 32 MB each time made V8 collect its heap each time (0.25 s at 20,000 articles).
  let buffer = Buffer.alloc(0);
  let window = buffer;
  let windowStart = 0;
  const read = (start: number, length: number): Buffer | null => {
    try {
      if (start < windowStart || start + length > windowStart + window.length) {
        if (buffer.length < length || buffer.length === 0) buffer = Buffer.allocUnsafe(Math.max(windowBytes, length));
        window = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, start));
        windowStart = start;
      }
      return start + length <= windowStart + window.length ? window.subarray(start - windowStart, start - windowStart + length) : null;
    } catch {
      return null;
    }
  };
  try {
    const indexEnd = fstatSync(fd).size - TRAILER_BYTES;
    const indexStart = indexEnd - Number(read(indexEnd, TRAILER_BYTES)?.toString("latin1"));
    if (!(indexStart >= 0 && indexStart <= indexEnd)) throw new Error("no pack index");
    const { keys, spans } = JSON.parse(read(indexStart, indexEnd - indexStart)?.toString("utf8") ?? "") as PackIndex;
    const places = new Map<string, readonly [number, number]>();
    keys.forEach((key, index) => {
      const start = spans[2 * index] as number;
      const length = spans[2 * index + 1] as number;
      if (start >= 0 && length >= 0 && start + length <= indexStart) places.set(key, [start, length]);
    });
    return { spans: places, read, close: () => closeSync(fd) };
  } catch {
    closeSync(fd);
    return null;
  }
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
    this.temporary = temporaryBeside(path);
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
  /** Started by the first entry written: a build that prepares nothing needs no thread. */
  let writer: FileWriter | null = null;
  let pack: PackWriter | null = null;

  const parse = (text: string): PreparedSeed | null => {
    try {
      const entry = JSON.parse(text) as Entry;
      return holdsOn(entry.prepared, entry.today, options.today) ? entry.prepared : null;
    } catch {
      return null;
    }
  };

  return {
    folder,
    keyOf(seed) {
      return createHash("sha256")
        .update(`${version}\0${seed.file}\0${options.numericDates ?? ""}\0`)
        .update(seed.bytes)
        .digest("hex");
    },
    readAll(keys) {
      const packed = openPack(join(folder, PACK_FILE));
      /** The keys' indices with their places in the pack, in the pack's order: it is read front to back, once. */
      const inPack: Array<readonly [index: number, start: number, length: number]> = [];
      keys.forEach((key, index) => {
        const span = packed?.spans.get(key);
        if (span !== undefined) inPack.push([index, ...span]);
      });
      inPack.sort((a, b) => a[1] - b[1]);
      // Entries of files gone or changed weigh on every read of the pack, as do those missing from it.
      const stale = keys.length - inPack.length + ((packed?.spans.size ?? 0) - inPack.length);
      if (stale > PACK_STALE_SHARE * keys.length) pack = new PackWriter(join(folder, PACK_FILE));
      const results = new Array<PreparedSeed | null>(keys.length).fill(null);
      for (const [index, start, length] of inPack) {
        const stored = packed?.read(start, length) ?? null;
        results[index] = stored === null ? null : parse(stored.toString("utf8"));
        // A copy: the bytes read are the pack's window, read over by the next entry.
        if (results[index] !== null) pack?.add(keys[index] as string, Buffer.from(stored as Buffer));
      }
      packed?.close();
      keys.forEach((key, index) => {
        if (results[index] !== null) return;
        let entry: Buffer;
        try {
          entry = readFileSync(pathOf(key));
        } catch {
          return;
        }
        results[index] = parse(entry.toString("utf8"));
        if (results[index] !== null) pack?.add(key, entry);
      });
      return results;
    },
    write(key, prepared) {
      // Encoded once, for its own file and the pack.
      const entry = Buffer.from(JSON.stringify({ today: options.today, prepared } satisfies Entry));
      pack?.add(key, entry);
      (writer ??= startFileWriter()).write(pathOf(key), entry);
    },
    async close() {
      await writer?.finish().catch(() => undefined);
      await pack?.finish();
      await cleared;
    },
  };
}
