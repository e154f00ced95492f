/**
 * Debian's Chromium, driven by playwright-core: no browser download, which
 * cannot work on these machines. Each launch gets a fresh profile.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** `CHROMIUM_PATH` when set, otherwise the first Debian path that exists, otherwise `null`. */
export function findChromium(): string | null {
  const fromEnv = process.env["CHROMIUM_PATH"];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

// Without the background-networking flags Chromium keeps dialling Google's
// hosts, which this closed network refuses.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (executablePath === null)
    throw new Error(
      "Chromium not found: run `npm test` (it installs Debian's chromium as root) or `apt-get install -y chromium`, or set CHROMIUM_PATH",
    );
  const profile = await mkdtemp(join(tmpdir(), "clippings-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: FLAGS });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
