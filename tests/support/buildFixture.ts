import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite, type BuildReport } from "../../src/build.ts";
import type { BuildOptions } from "../../src/buildOptions.ts";

/** Builds `seedsDir` into a new temporary folder. */
export async function buildIntoTemp(
  seedsDir: string,
  options: Omit<BuildOptions, "seedsDir" | "outDir"> = {},
): Promise<{ outDir: string; report: BuildReport }> {
  const outDir = join(await mkdtemp(join(tmpdir(), "clippings-site-")), "site");
  const report = await buildSite({ ...options, seedsDir, outDir });
  return { outDir, report };
}
