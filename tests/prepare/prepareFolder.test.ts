import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { findInArticle } from "../../src/archive/entityPages.ts";
import type { BuildProgress } from "../../src/buildProgress.ts";
import { ingestSeeds } from "../../src/ingest/ingestSeeds.ts";
import { readSeedFiles } from "../../src/ingest/readSeedFiles.ts";
import { prepareFolder } from "../../src/prepare/prepareFolder.ts";
import { prepareSeed } from "../../src/prepare/prepareSeed.ts";
import { PrepareWorkers } from "../../src/prepare/prepareWorkers.ts";
import { SEED_003, SEEDS_DIR } from "../support/paths.ts";

const options = { today: "2024-01-01" };

async function seedsCopy(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "clippings-prepare-")), "seeds");
  await cp(SEEDS_DIR, dir, { recursive: true });
  await writeFile(join(dir, "empty.txt"), "");
  return dir;
}

describe("prepareFolder", () => {
  it("should give the records ingest gives, with each article's own findings", async () => {
    const dir = await seedsCopy();
    const prepared = await prepareFolder(dir, options);
    const ingested = ingestSeeds((await readSeedFiles(dir)).seeds, options);
    assert.deepEqual(prepared.articles, ingested.articles);
    assert.deepEqual(prepared.rejected, ingested.rejected);
    for (const article of prepared.articles) assert.deepEqual(prepared.findings.get(article.id), findInArticle(article));
    assert.equal(prepared.cached, 0);
  });

  it("should take unchanged files from the cache and prepare only the edited one again", async () => {
    const dir = await seedsCopy();
    const cacheDir = await mkdtemp(join(tmpdir(), "clippings-cache-"));
    const cold = await prepareFolder(dir, options, { cacheDir });
    assert.equal(cold.cached, 0);

    const progress: BuildProgress[] = [];
    const warm = await prepareFolder(dir, options, { cacheDir, onProgress: (step) => progress.push(step) });
    assert.equal(warm.cached, 3, "both articles and the empty file");
    assert.deepEqual(warm.articles, cold.articles);
    assert.deepEqual([...warm.findings], [...cold.findings]);
    assert.deepEqual(progress.at(-1), { stage: "parse", done: 3, total: 3 });

    const file = join(dir, SEED_003);
    await writeFile(file, (await readFile(file, "utf8")).replace(/Karine Jean-Pierre/g, "Jen Psaki"));
    const edited = await prepareFolder(dir, options, { cacheDir });
    assert.equal(edited.cached, 2);
    const article = edited.articles.find((one) => one.sourceFile === SEED_003);
    const names = edited.findings.get(article?.id ?? "")?.mentions.map((mention) => mention.name) ?? [];
    assert.ok(names.includes("Jen Psaki") && !names.includes("Karine Jean-Pierre"), names.join(", "));
  });

  it("should report a file known by its stats that is gone when it must be read, and go on", async () => {
    const dir = await seedsCopy();
    const cacheDir = await mkdtemp(join(tmpdir(), "clippings-cache-"));
    // Files changed in the last two seconds before a build are read again by the next: these must be older.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await prepareFolder(dir, options, { cacheDir });
    // The entries gone but not the files' stats (seeds.json): each file is read only when it must be prepared.
    const [version = ""] = await readdir(join(cacheDir, "articles"));
    const entries = join(cacheDir, "articles", version);
    for (const name of await readdir(entries)) if (name !== "seeds.json") await rm(join(entries, name), { recursive: true });
    // Told of the entries read, the files not yet read: one goes.
    const progress: BuildProgress[] = [];
    const onProgress = (step: BuildProgress) => {
      progress.push(step);
      if (step.total > 0) rmSync(join(dir, SEED_003), { force: true });
    };
    const prepared = await prepareFolder(dir, options, { cacheDir, onProgress });
    assert.deepEqual(progress.at(-1), { stage: "parse", done: 3, total: 3 }, "every file done, the one gone too");
    assert.deepEqual(
      prepared.rejected.map(({ code, file }) => [code, file]),
      [
        ["READ_FAILED", SEED_003],
        ["EMPTY_FILE", "empty.txt"],
      ],
    );
    assert.equal(prepared.articles.length, 1);
  });

  it("should give the same records when worker threads share the work", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-many-"));
    const places = ["Cairo", "Gaza City", "Tel Aviv", "Washington", "Doha"];
    for (let index = 0; index < 700; index += 1) {
      const day = String((index % 28) + 1).padStart(2, "0");
      const text = `Talks in ${places[index % places.length]} resume\n\nMay ${day}, 2021\n\nMediators from Egypt met Hamas officials in ${places[(index + 1) % places.length]} on day ${index}, Antony Blinken said.\n`;
      await writeFile(join(dir, `${String(index).padStart(4, "0")}.txt`), text);
    }
    const alone = await prepareFolder(dir, options, { threads: 1 });
    const shared = await prepareFolder(dir, options, { threads: 2 });
    assert.equal(shared.articles.length, 700);
    assert.deepEqual(shared.articles, alone.articles);
    assert.deepEqual([...shared.findings], [...alone.findings]);
  });
});

describe("PrepareWorkers", () => {
  it("should prepare seeds in worker threads exactly as on this thread, in order", async () => {
    const { seeds } = await readSeedFiles(await seedsCopy());
    const workers = new PrepareWorkers(2, options);
    try {
      const [first, second] = await Promise.all([workers.prepare(seeds.slice(0, 2)), workers.prepare(seeds.slice(2))]);
      assert.deepEqual(
        [...(first ?? []), ...(second ?? [])],
        seeds.map((seed) => prepareSeed(seed, options)),
      );
    } finally {
      await workers.close();
    }
  });
});
