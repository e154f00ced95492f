/** A seed file as read from disk, before any decoding or parsing. */
export interface RawSeed {
  /** Path relative to the seeds folder, with `/` separators (`000_dc7d486012497c1e.txt`). */
  readonly file: string;
  readonly bytes: Uint8Array;
}
