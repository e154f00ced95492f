/**
 * Runs before the tests: makes sure Debian's Chromium is there for the
 * browser tests. As root with apt-get, it installs it; otherwise it stops
 * with the exact command to run.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "./chromium.ts";

const INSTALL = "apt-get update && apt-get install -y chromium";

function main(): number {
  const found = findChromium();
  if (found !== null) return 0;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log(`Chromium not found; installing Debian's package: ${INSTALL}`);
    const result = spawnSync("sh", ["-c", INSTALL], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status === 0 && findChromium() !== null) return 0;
    console.error(`Installing Chromium failed (exit ${result.status}). Run as root: ${INSTALL}`);
    return 1;
  }
  console.error(
    `Chromium is needed for the browser tests and was not found at /usr/bin/chromium.\nInstall it with: sudo sh -c '${INSTALL}'\n(or set CHROMIUM_PATH to a Chromium binary)`,
  );
  return 1;
}

process.exitCode = main();
