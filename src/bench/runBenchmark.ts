/**
 * `npm run bench -- --corpus DIR --articles N [--out DIR] [--skip-bare] [--skip-incremental] [--keep]`
 *
 * 1. Writes a seeds folder of N articles from the corpus folder: the
 *    corpus's own articles, then, past its size, copies under new names
 *    with their dates spread over about twenty years (`corpusMultiplier.ts`).
 * 2. Builds it with Clippings in a child process (`stagedBuild.ts`), timing
 *    each stage, and samples the resident memory of the child's whole
 *    process tree (Node plus the Pagefind binary) every 100 ms.
 *    The build is cold: its cache of parsed articles (`--cache` of
 *    `stagedBuild.ts`) starts empty, in the work folder.
 * 3. Unless `--skip-incremental`, edits one article (`editOneSeed`) and
 *    builds again with Clippings, keeping the first build's cache and site:
 *    what a keeper waits for after correcting a story; then adds one dated
 *    the newest day (`addOneSeed`) and builds again: after filing one.
 *    Before each build, the bench waits for the background removal of the
 *    site the build before replaced (`replacedSitesRemoved`), and after
 *    writing the seeds, for them to be 2 s old, as an archive's files are.
 * 4. Unless `--skip-bare`, undoes the edit and the addition (`undoChanges`)
 *    and builds the cold build's articles with the bare toolchain, Eleventy
 *    then the Pagefind CLI (`bareBuild.ts`), measured the same way.
 * 5. Prints a table, then one JSON line (`benchReport.ts`).
 *
 * Wall time depends on what else the machine is doing: the load average
 * before and after each build, and CPU times, are printed with it. The
 * code can change under a long run (a 20,000-article build takes minutes):
 * the commit is printed; to measure one fixed version, copy `src/`,
 * `layouts/`, `.eleventy.ts`, `package.json` and `tsconfig.json` into a
 * folder beside a `node_modules` link, and run this file from there.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { RETIRED } from "../outputFolder.ts";
import { PROJECT_ROOT } from "../projectRoot.ts";
import { PAGEFIND_DIR, SHARDS_FILE } from "../search/indexArticles.ts";
import { eleventyArgs, pagefindArgs, prepareBareProject } from "./bareBuild.ts";
import { formatReport, reportJson, type BareRun, type BenchResult, type ClippingsRun, type IncrementalRun } from "./benchReport.ts";
import { addOneSeed, editOneSeed, undoChanges, writeBenchSeeds } from "./benchSeeds.ts";
import { firstQueryBytes, folderSize, type FirstQuery } from "./outputStats.ts";
import { measureCommand, type Measurement } from "./processTreeRss.ts";
import { parseStagedBuildOutput } from "./stagedBuildResult.ts";

const USAGE = `Usage: npm run bench -- --corpus DIR --articles N [options]

  --corpus DIR      folder of article files to build from (e.g. ../shared/corpus/cnn)
  --articles N      how many articles to build; past the corpus's size, copies are made
  --out DIR         work folder (seeds/, site/, bare/), kept afterwards; default: a temporary folder
  --skip-bare       build with Clippings only, not with bare Eleventy + Pagefind
  --skip-incremental  no Clippings builds after editing one article and adding one
  --keep            keep the temporary work folder
  --seed N          seed of the copies' dates                            default: 1
  --profile DIR     write a V8 CPU profile of the Clippings build into DIR (--cpu-prof)
  -h, --help        this text`;

const STAGED_BUILD = join(PROJECT_ROOT, "src", "bench", "stagedBuild.ts");
/** Slightly more than `seedStats.ts`'s window of doubt. */
const SEEDS_SETTLE_MS = 2_100;
/** Marks a work folder as the benchmark's, so that `--out` never clears anything else. */
const WORK_MARKER = ".clippings-bench";

class UsageError extends Error {
  override readonly name = "UsageError";
}

function positiveInteger(value: string | undefined, option: string): number {
  const number = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || number < 1)
    throw new UsageError(`${option} must be a whole number ≥ 1, not "${value ?? ""}"`);
  return number;
}

async function workFolder(out: string | undefined): Promise<string> {
  if (out === undefined) return mkdtemp(join(tmpdir(), "clippings-bench-"));
  const dir = resolve(out);
  const entries = await readdir(dir).catch(() => [] as string[]);
  if (entries.length > 0 && !entries.includes(WORK_MARKER)) {
    throw new UsageError(`--out "${out}" is not empty and was not made by the benchmark; choose an empty or new folder`);
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

function failed(what: string, run: Measurement): Error {
  const tail = (run.stderr || run.stdout).trim().split("\n").slice(-30).join("\n");
  return new Error(`${what} failed (exit ${run.exitCode ?? run.signal}) after ${run.wallSeconds.toFixed(1)} s:\n${tail}`);
}

async function pagefindOf(siteDir: string): Promise<FirstQuery | null> {
  const dir = join(siteDir, PAGEFIND_DIR);
  // The bare build: one index.
  if (existsSync(join(dir, "pagefind-entry.json"))) return firstQueryBytes(dir);
  // Clippings: a first search loads the newest shard's index, the others after its results.
  if (!existsSync(join(dir, SHARDS_FILE))) return null;
  const [newest] = (JSON.parse(await readFile(join(dir, SHARDS_FILE), "utf8")) as { shards: Array<{ id: string }> }).shards;
  return newest === undefined ? null : firstQueryBytes(join(dir, newest.id));
}

const load = (): number => loadavg()[0] ?? 0;

/**
 * The commit the build code is at, and whether the code differs from it:
 * the project changes under a long benchmark. Read-only git (no index refresh).
 */
function sourceVersion(): string {
  const git = (args: string[]) =>
    execFileSync("git", ["--no-optional-locks", ...args], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  try {
    const head = git(["rev-parse", "--short", "HEAD"]);
    const changed = git(["status", "--porcelain", "--", "src", "layouts", ".eleventy.ts", "package.json", ":(exclude)src/bench"]);
    return changed === "" ? head : `${head} + uncommitted changes`;
  } catch {
    return "unknown";
  }
}

/**
 * Waits until no site replaced by an earlier build is left beside `siteDir`.
 * A build removes the site it replaced in the background, after it returns
 * (outputFolder.ts): measured back to back, the next build would share the
 * machine with that removal (52,000 files at 20,000 articles), which a
 * keeper's builds, minutes apart, never do. Returns the seconds waited.
 */
async function replacedSitesRemoved(siteDir: string): Promise<number> {
  const started = performance.now();
  const leftover = async () => (await readdir(dirname(siteDir))).some((name) => name.startsWith(RETIRED));
  while (await leftover()) await sleep(100);
  return (performance.now() - started) / 1000;
}

async function runClippings(seedsDir: string, siteDir: string, cacheDir: string, profileDir: string | undefined): Promise<ClippingsRun> {
  // One argument each: the build passes them on to its step processes, each profiled into its own file.
  const profile = profileDir === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${resolve(profileDir)}`];
  const waited = await replacedSitesRemoved(siteDir);
  if (waited >= 0.1) console.error(`  (waited ${waited.toFixed(1)} s for the site the last build replaced to be removed)`);
  const before = load();
  const build = [STAGED_BUILD, "--seeds", seedsDir, "--out", siteDir, "--cache", cacheDir];
  const run = await measureCommand(process.execPath, [...profile, "--import", "tsx", ...build], {
    cwd: PROJECT_ROOT,
    echoStderr: true,
  });
  const after = load();
  const result = parseStagedBuildOutput(run.stdout);
  if (run.exitCode !== 0 || result === null) throw failed("the Clippings build", run);
  return { ...run, build: result, output: await folderSize(siteDir), firstQuery: await pagefindOf(siteDir), load: [before, after] };
}

async function runBare(seedsDir: string, projectDir: string): Promise<BareRun> {
  const project = await prepareBareProject(seedsDir, projectDir);
  const before = load();
  const eleventy = await measureCommand(process.execPath, eleventyArgs(project), { cwd: project.dir });
  if (eleventy.exitCode !== 0) throw failed("Eleventy", eleventy);
  console.error(`  eleventy: ${eleventy.wallSeconds.toFixed(1)} s`);
  const pagefind = await measureCommand(process.execPath, pagefindArgs(project), { cwd: project.dir });
  if (pagefind.exitCode !== 0) throw failed("the Pagefind CLI", pagefind);
  console.error(`  pagefind: ${pagefind.wallSeconds.toFixed(1)} s`);
  const after = load();
  const peakByProgram: Record<string, number> = { ...eleventy.peakByProgram };
  for (const [name, bytes] of Object.entries(pagefind.peakByProgram)) peakByProgram[name] = Math.max(peakByProgram[name] ?? 0, bytes);
  return {
    wallSeconds: eleventy.wallSeconds + pagefind.wallSeconds,
    cpuSeconds: eleventy.cpuSeconds + pagefind.cpuSeconds,
    peakRssBytes: Math.max(eleventy.peakRssBytes, pagefind.peakRssBytes),
    peakByProgram,
    steps: { eleventy: eleventy.wallSeconds, pagefind: pagefind.wallSeconds },
    output: await folderSize(project.siteDir),
    firstQuery: await pagefindOf(project.siteDir),
    load: [before, after],
  };
}

async function main(args: string[]): Promise<number> {
  let work: string | undefined;
  let keep = false;
  try {
    const { values } = parseArgs({
      args,
      options: {
        corpus: { type: "string" },
        articles: { type: "string" },
        out: { type: "string" },
        "skip-bare": { type: "boolean" },
        "skip-incremental": { type: "boolean" },
        keep: { type: "boolean" },
        seed: { type: "string" },
        profile: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (values.corpus === undefined) throw new UsageError("--corpus DIR is required");
    const count = positiveInteger(values.articles, "--articles");
    const seed = values.seed === undefined ? 1 : positiveInteger(values.seed, "--seed");
    keep = values.keep === true || values.out !== undefined;
    work = await workFolder(values.out);
    const source = sourceVersion();
    await writeFile(join(work, WORK_MARKER), "Work folder of `npm run bench`; replaced on each run.\n");

    console.error(`Writing ${count} seeds into ${join(work, "seeds")} …`);
    const { dir: seedsDir, ...seeds } = await writeBenchSeeds(resolve(values.corpus), join(work, "seeds"), { count, seed });
    // An archive's files are older than the build that reads them: a build
    // trusts what it remembers of a file only if the file had not changed in
    // the 2 s before that build began (seedStats.ts).
    await sleep(SEEDS_SETTLE_MS);
    console.error(`Clippings build, cold (load ${load().toFixed(2)}) …`);
    const cacheDir = join(work, "cache");
    const clippings = await runClippings(seedsDir, join(work, "site"), cacheDir, values.profile);
    const incremental: IncrementalRun[] = [];
    if (!values["skip-incremental"]) {
      const edited = await editOneSeed(seedsDir);
      console.error(`Clippings build after editing ${edited}, with the first build's cache and site (load ${load().toFixed(2)}) …`);
      incremental.push({ ...(await runClippings(seedsDir, join(work, "site"), cacheDir, undefined)), change: "edited", file: edited });
      let added: string | null = null;
      if (seeds.span !== null) {
        added = await addOneSeed(seedsDir, seeds.span.last);
        console.error(`Clippings build after adding ${added}, with the build before's cache and site (load ${load().toFixed(2)}) …`);
        incremental.push({ ...(await runClippings(seedsDir, join(work, "site"), cacheDir, undefined)), change: "added", file: added });
      }
      await undoChanges(seedsDir, edited, added);
    }
    // Last, on the articles of the cold build: its Pagefind holds some 6 GB
    // at 20,000 articles, and the machine is slower for a while after it
    // (the file cache emptied; an edit's rebuild took 20% longer, its
    // archive stage too, which reads no file).
    let bare: BareRun | null = null;
    if (!values["skip-bare"]) {
      console.error(`Bare build: Eleventy + Pagefind CLI (load ${load().toFixed(2)}) …`);
      bare = await runBare(seedsDir, join(work, "bare"));
    }
    const result: BenchResult = {
      corpus: values.corpus,
      source,
      seed,
      seeds,
      machine: { cpus: cpus().length, memoryGB: Math.round(totalmem() / 1024 ** 3), node: process.versions.node },
      clippings,
      bare,
      incremental,
    };
    console.log(formatReport(result));
    if (keep) console.log(`Work folder kept: ${work}`);
    console.log(reportJson(result));
    return 0;
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    return 1;
  } finally {
    if (work !== undefined && !keep) await rm(work, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
