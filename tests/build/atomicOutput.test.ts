// A build killed half way (kill -9) leaves the previous site complete and
// untouched, its step processes end with it, and the next build clears what
// the killed one left behind.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";
import { processTable, treeOf } from "../../src/bench/processTreeRss.ts";
import { runBuild } from "../support/runBuild.ts";
import { listFiles } from "../support/siteFiles.ts";

/** Alive, not a zombie left for a parent that no longer reaps it. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function writeArticles(dir: string, count: number, word: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let index = 0; index < count; index++) {
    const day = String(1 + (index % 28)).padStart(2, "0");
    await writeFile(join(dir, `a${index}.txt`), `May ${day}, 2021\n\nArticle ${index} about ${word}. ${"More words here. ".repeat(40)}\n`);
  }
}

describe("atomic output", () => {
  it("should leave the previous site whole when a build is killed, and clean up after it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-atomic-"));
    const out = join(dir, "site");
    await writeArticles(join(dir, "small"), 3, "gardens");
    const first = runBuild(["--seeds", join(dir, "small"), "--out", out]);
    assert.equal(first.status, 0, first.stderr);
    const before = await listFiles(out);
    const home = await readFile(join(out, "index.html"), "utf8");

    await writeArticles(join(dir, "large"), 1500, "harbours");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(PROJECT_ROOT, "src/cli/build.ts"), "--seeds", join(dir, "large"), "--out", out],
      {
        cwd: PROJECT_ROOT,
        stdio: "ignore",
      },
    );
    // Kill it once it has started writing its new site.
    const staged = () => readdir(dir).then((entries) => entries.some((entry) => entry.startsWith(".clippings-staging-site-")));
    for (let waited = 0; !(await staged()) && waited < 60_000; waited += 50) await sleep(50);
    assert.ok(await staged(), "the build never started writing");
    // The build's step process, which writes the staged site.
    const stepProcesses = () => treeOf(child.pid ?? -1, processTable()).filter((info) => info.pid !== child.pid);
    for (let waited = 0; stepProcesses().length === 0 && waited < 10_000; waited += 50) await sleep(50);
    await sleep(300);
    const steps = stepProcesses();
    assert.ok(steps.length > 0, "no step process found");
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    for (let waited = 0; steps.some((info) => running(info.pid)) && waited < 3_000; waited += 50) await sleep(50);
    assert.deepEqual(
      steps.filter((info) => running(info.pid)).map((info) => info.name),
      [],
      "a step process outlived the killed build",
    );

    assert.deepEqual(await listFiles(out), before, "the old site changed");
    assert.equal(await readFile(join(out, "index.html"), "utf8"), home);

    const next = runBuild(["--seeds", join(dir, "small"), "--out", out]);
    assert.equal(next.status, 0, next.stderr);
    // The site it replaced is removed after it returns, in the background.
    const leftovers = async () => (await readdir(dir)).filter((entry) => entry.startsWith(".clippings-"));
    for (let waited = 0; (await leftovers()).length > 0 && waited < 10_000; waited += 50) await sleep(50);
    assert.deepEqual(await leftovers(), [], "leftovers were not cleaned");
    assert.ok(existsSync(join(out, "articles", "a0", "index.html")));
  });

  it("should keep the previous site when a build fails", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-failed-"));
    const out = join(dir, "site");
    await writeArticles(join(dir, "ok"), 2, "rivers");
    assert.equal(runBuild(["--seeds", join(dir, "ok"), "--out", out]).status, 0);
    const before = await listFiles(out);
    await writeArticles(join(dir, "strict"), 1, "lakes");
    await writeFile(join(dir, "strict", "undated.txt"), "No date.\n");
    assert.equal(runBuild(["--seeds", join(dir, "strict"), "--out", out, "--strict"]).status, 1);
    assert.deepEqual(await listFiles(out), before);
    assert.deepEqual(
      (await readdir(dir)).filter((entry) => entry.startsWith(".clippings-")),
      [],
    );
  });
});
