/**
 * The output folder is replaced on every build, so files of deleted articles
 * never linger. Only a folder Clippings made (it carries a marker file) or an
 * empty one is ever cleared: `--out .` by mistake must not delete a project.
 */
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const SITE_MARKER = ".clippings-site";

export class OutputFolderError extends Error {
  override readonly name = "OutputFolderError";
}

export async function prepareOutputFolder(outDir: string): Promise<void> {
  const info = await stat(outDir).catch(() => null);
  if (info !== null) {
    if (!info.isDirectory()) throw new OutputFolderError(`output "${outDir}" exists and is not a folder`);
    const entries = await readdir(outDir);
    if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
      throw new OutputFolderError(
        `output folder "${outDir}" is not empty and was not made by Clippings; choose an empty or new folder (nothing was deleted)`,
      );
    }
    await rm(outDir, { recursive: true, force: true });
  }
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, SITE_MARKER), "This folder is written by Clippings and replaced on every build.\n");
}
