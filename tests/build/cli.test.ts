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
    assert.deepEqual(lines.filter((line) => line.startsWith("Built")).length, 1);
    assert.match(
      lines.at(-1) ?? "",
      /^Built 1 article, 0 warnings, 0 errors; \d+ pages written, 1 indexed for search in 1 shard, in \d+\.\d s → /,
    );
    assert.ok((await readdir(join(out, "articles"))).includes("one"));
  });

  it("should print the summary, then each warning grouped under its file", async () => {
    const result = runBuild(["--seeds", SEEDS_DIR, "--out", join(await temp(), "out")]);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split("\n");
    const summary = lines.findIndex((line) => /^Built 2 articles, 1 warning, 0 errors; \d+ pages written, 2 indexed for search/.test(line));
    assert.ok(summary >= 0, result.stdout);
    assert.equal(lines[summary + 1], "003_b53226ca2d09075e.txt");
    assert.match(lines[summary + 2] ?? "", /^ {2}warning line 1 DATE_CONFLICT: .*2021-05-18, 2021-05-19/);
  });

  it("should fail with --strict on any warning, listing every file and writing nothing", async () => {
    const dir = await temp();
    const seeds = join(dir, "in");
    await mkdir(seeds);
    await writeFile(join(seeds, "a.txt"), "No date here.\n");
    await writeFile(join(seeds, "b.txt"), "03/04/2021\n\nAmbiguous.\n");
    await writeFile(join(seeds, "c.txt"), "May 18, 2021\n\nFine.\n");
    const result = runBuild(["--seeds", seeds, "--out", join(dir, "out"), "--strict"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /--strict: 3 problems in 2 files; nothing was written/);
    assert.match(result.stderr, /^a\.txt$/m);
    assert.match(result.stderr, /^b\.txt$/m);
    assert.deepEqual(await readdir(dir), ["in"]);
    assert.equal(
      runBuild(["--seeds", seeds, "--out", join(dir, "out"), "--strict", "--numeric-dates", "day-first"]).status,
      1,
      "a.txt still has no date",
    );
  });

  it("should publish the other articles and exit 1 when a file is rejected", async () => {
    const dir = await temp();
    const seeds = join(dir, "in");
    await mkdir(seeds);
    await writeFile(join(seeds, "empty.txt"), "");
    await writeFile(join(seeds, "c.txt"), "May 18, 2021\n\nFine.\n");
    const result = runBuild(["--seeds", seeds, "--out", join(dir, "out")]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^Built 1 article, 0 warnings, 1 error;/m);
    assert.match(result.stdout, /^empty\.txt\n {2}error EMPTY_FILE: the file is empty\./m);
    assert.ok((await readdir(join(dir, "out", "articles"))).includes("c"));
  });

  it("should show on the home page the articles of the build's calendar day in other years, and no section otherwise", async () => {
    const dir = await temp();
    const may18 = String(Date.UTC(2024, 4, 18, 12) / 1000);
    assert.equal(runBuild(["--seeds", SEEDS_DIR, "--out", join(dir, "a")], { SOURCE_DATE_EPOCH: may18 }).status, 0);
    const home = await readFile(join(dir, "a", "index.html"), "utf8");
    assert.match(home, /On this day, 18 May/);
    assert.match(home, /<h3>2021<\/h3>/);
    const may19 = String(Date.UTC(2024, 4, 19, 12) / 1000);
    assert.equal(runBuild(["--seeds", SEEDS_DIR, "--out", join(dir, "b")], { SOURCE_DATE_EPOCH: may19 }).status, 0);
    assert.doesNotMatch(await readFile(join(dir, "b", "index.html"), "utf8"), /On this day/);
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
