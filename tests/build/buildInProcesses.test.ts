// The build of `npm run build`: pages, then search index, each in a process
// of its own, makes the same site as the one-process build, reports both
// steps, and leaves the previous site whole when a step fails.
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildSite } from "../../src/build.ts";
import type { BuildStage } from "../../src/buildProgress.ts";
import { buildInProcesses, BuildStepError, type BuildSummary } from "../../src/buildInProcesses.ts";
import { SEEDS_DIR } from "../support/paths.ts";
import { listFiles } from "../support/siteFiles.ts";

let dir = "";
let summary: BuildSummary;
const progress: Array<{ stage: BuildStage; done: number; total: number }> = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "clippings-processes-"));
  summary = await buildInProcesses({ seedsDir: SEEDS_DIR, outDir: join(dir, "site"), onProgress: (step) => progress.push(step) });
});

describe("the build in two processes", () => {
  it("should write the same site as the build in one process", async () => {
    const single = join(dir, "single");
    const report = await buildSite({ seedsDir: SEEDS_DIR, outDir: single });
    const files = await listFiles(join(dir, "site"));
    assert.deepEqual(files.sort(), (await listFiles(single)).sort());
    for (const file of files) {
      assert.ok((await readFile(join(dir, "site", file))).equals(await readFile(join(single, file))), `${file} differs`);
    }
    assert.equal(summary.articles, report.archive.articles.length);
    assert.equal(summary.pages, report.pages.length);
    assert.equal(summary.indexedPages, report.indexedPages);
    assert.deepEqual(summary.diagnostics, report.diagnostics);
    assert.deepEqual(summary.searchShards, report.searchShards);
  });

  it("should run each step in a process of its own, and time its stages", () => {
    assert.deepEqual(
      summary.steps.map((step) => [step.step, step.stages.map((stage) => stage.stage)]),
      [
        ["pages", ["parse", "archive", "pages"]],
        ["index", ["index"]],
      ],
    );
    const pids = summary.steps.map((step) => step.pid);
    assert.equal(new Set([...pids, process.pid]).size, 3, `pids ${pids.join(", ")} and ${process.pid}`);
    for (const step of summary.steps) {
      assert.ok(step.maxRssMB > 20, `${step.step}: ${step.maxRssMB} MB`);
      assert.ok(step.stages.every((stage) => stage.seconds > 0 && stage.rssMB > 0));
    }
  });

  it("should pass the steps' progress on, in stage order, up to every page indexed", () => {
    const stages = progress.map((step) => step.stage).filter((stage, index, all) => stage !== all[index - 1]);
    assert.deepEqual(stages, ["parse", "archive", "pages", "index"]);
    assert.deepEqual(progress.at(-1), { stage: "index", done: summary.indexedPages, total: summary.indexedPages });
  });

  it("should index beside the pages step once the article pages are written, when it renders few pages, and after it otherwise", async () => {
    const seeds = join(dir, "overlap-seeds");
    await cp(SEEDS_DIR, seeds, { recursive: true });
    const outDir = join(dir, "overlap");
    const step = (built: BuildSummary, name: string) => built.steps.find((run) => run.step === name) ?? assert.fail(`no ${name} step`);
    // A first build of two articles renders 28 pages: fewer than the default's limit.
    const beside = await buildInProcesses({ seedsDir: seeds, outDir });
    assert.ok(step(beside, "index").began < step(beside, "pages").ended, JSON.stringify(beside.steps));
    assert.deepEqual(beside.searchShards, summary.searchShards);

    const [seed = ""] = (await readdir(seeds)).sort();
    await writeFile(join(seeds, seed), `${await readFile(join(seeds, seed), "utf8")}\nA zeppelin was seen.\n`);
    const after = await buildInProcesses({ seedsDir: seeds, outDir }, { indexBesidePagesUpTo: 0 });
    assert.ok(step(after, "index").began >= step(after, "pages").ended, JSON.stringify(after.steps));
    assert.equal(after.indexedPages, beside.indexedPages);
    assert.deepEqual(after.reusedShards, [], "the one shard, with the edited article, indexed again");
  });

  it("should fail with the step's own message and keep the previous site", async () => {
    const seeds = join(dir, "strict");
    await cp(SEEDS_DIR, seeds, { recursive: true });
    await writeFile(join(seeds, "undated.txt"), "No date here.\n");
    const before = await listFiles(join(dir, "site"));
    await assert.rejects(
      buildInProcesses({ seedsDir: seeds, outDir: join(dir, "site"), strict: true }),
      (error: Error) => error instanceof BuildStepError && error.message.includes("undated.txt"),
    );
    assert.deepEqual(await listFiles(join(dir, "site")), before);
    assert.deepEqual(
      (await readdir(dir)).filter((entry) => entry.startsWith(".clippings-")),
      [],
    );
  });
});
