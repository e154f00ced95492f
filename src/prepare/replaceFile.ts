/**
 * Writes for the cache between builds: a file is written whole or not at
 * all, aside under a temporary name and then renamed over the old one, so a
 * build killed half way, or two builds at once, never leave half a file.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** A name beside `path`, this process's and this call's own. */
export function temporaryBeside(path: string): string {
  return `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
}

/** Replaces `path` (and makes its folder) with `data`; a write that fails leaves the old file and is not an error, as the cache is only an optimisation. */
export async function replaceFile(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryBeside(path);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
