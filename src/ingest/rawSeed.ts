/** A seed file as read from disk, before any parsing. */
export interface RawSeed {
  /** Path relative to the seeds folder, with `/` separators (`000_dc7d486012497c1e.txt`). */
  readonly file: string;
  /** The file's text, decoded; see `readSeedFiles` for how non-UTF-8 files are handled. */
  readonly text: string;
  /** False when the bytes were not valid UTF-8 and were read as Windows-1252 instead. */
  readonly utf8: boolean;
}
