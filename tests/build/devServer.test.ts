// `npm run serve` rebuilds in place as articles change: a deleted article's
// page goes with it, and the other pages and the search index stay.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";
import { SEED_000, SEED_003, SEEDS_DIR } from "../support/paths.ts";

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 100) {
    if (waited > ms) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe("the dev server", () => {
  it("should remove a deleted article's page on the rebuild", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-serve-"));
    const seeds = join(dir, "seeds");
    const out = join(dir, "site");
    await cp(SEEDS_DIR, seeds, { recursive: true });
    const page = (seed: string) => join(out, "articles", seed.replace(/\.txt$/, ""), "index.html");
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const server = spawn(
      process.execPath,
      ["--import", "tsx", join(PROJECT_ROOT, "src/cli/serve.ts"), "--seeds", seeds, "--out", out, "--port", port, "--no-cache"],
      { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    let log = "";
    server.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
    server.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    try {
      // Serving starts once the watcher is ready.
      await until(() => /Search index: 2 articles/.test(log) && /Server at/.test(log), "the first build");
      assert.ok(existsSync(page(SEED_000)) && existsSync(page(SEED_003)));
      await rm(join(seeds, SEED_000));
      await until(() => /Search index: 1 articles/.test(log), "the rebuild");
      assert.ok(!existsSync(page(SEED_000)), `the deleted article's page is still there:\n${log}`);
      assert.match(log, /Removed \d+ page\(s\) no longer in the archive: .*articles\/000_dc7d486012497c1e\/index\.html/);
      assert.ok(existsSync(page(SEED_003)));
      assert.ok(existsSync(join(out, "index.html")) && existsSync(join(out, "pagefind", "pagefind.js")));
    } finally {
      if (server.pid !== undefined) process.kill(-server.pid, "SIGTERM");
    }
  });
});
