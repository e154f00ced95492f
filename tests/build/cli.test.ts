import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { SEEDS_DIR } from "../support/paths.ts";
import { runBuild } from "../support/runBuild.ts";

const temp = () => mkdtemp(join(tmpdir(), "clippings-cli-"));

describe("npm run build", () => {
  it("should build another folder into another place and end with a one-line summary", async () => {
    const dir = await temp();
    const seeds = join(dir, "in");
    await mkdir(seeds);
    await writeFile(join(seeds, "one.txt"), "May 18, 2021\n\nWASHINGTON – The talks resumed on Monday.\n");
    const out = join(dir, "out");
    const result = runBuild(["--seeds", seeds, "--out", out]);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split("\n");
    assert.match(lines.at(-1) ?? "", /^Built 1 article, 0 warnings, 5 pages written, 1 indexed for search, in \d+\.\d s → /);
    assert.ok((await readdir(join(out, "articles"))).includes("one"));
  });

  it("should print each warning naming the file, and count it in the summary", async () => {
    const result = runBuild(["--seeds", SEEDS_DIR, "--out", join(await temp(), "out")]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^warning 003_b53226ca2d09075e\.txt:1 \[date-conflict\] .*2021-05-18, 2021-05-19/m);
    assert.match(result.stdout.trim().split("\n").at(-1) ?? "", /^Built 2 articles, 1 warning, 6 pages written, 2 indexed for search/);
  });

  it("should fail with exit code 1 and a clear message for a missing seeds folder", async () => {
    const dir = await temp();
    const result = runBuild(["--seeds", join(dir, "missing"), "--out", join(dir, "out")]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /error: seeds folder ".*missing" does not exist/);
    assert.deepEqual(await readdir(dir), [], "no site was written");
  });

  it("should fail with exit code 1 for an empty seeds folder", async () => {
    const dir = await temp();
    await mkdir(join(dir, "empty"));
    const result = runBuild(["--seeds", join(dir, "empty"), "--out", join(dir, "out")]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /holds no article files/);
  });

  it("should refuse to clear an output folder it did not make", async () => {
    const dir = await temp();
    await writeFile(join(dir, "precious.txt"), "keep me");
    const result = runBuild(["--out", dir]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /not empty and was not made by Clippings/);
    assert.equal(await readFile(join(dir, "precious.txt"), "utf8"), "keep me");
  });

  it("should reject unknown options with usage", () => {
    const result = runBuild(["--sedes", "x"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Usage: npm run build/);
  });
});
