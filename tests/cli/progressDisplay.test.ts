import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeProgress, progressDisplay } from "../../src/cli/progressDisplay.ts";
import { cacheDirFrom } from "../../src/cli/options.ts";

/** A stream that keeps what is written, and a clock the test moves. */
function fakeTerminal() {
  const written: string[] = [];
  const stream = { isTTY: false, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  let time = 0;
  return { written, stream, now: () => time, advance: (ms: number) => (time += ms) };
}

describe("describeProgress", () => {
  it("should give a counting stage's articles, rate and time left", () => {
    assert.equal(
      describeProgress({ progress: { stage: "parse", done: 4200, total: 20000 }, seconds: 12, rate: 350 }),
      "reading articles: 4,200/20,000, 350/s, about 45 s left",
    );
    assert.equal(
      describeProgress({ progress: { stage: "parse", done: 100, total: 20000 }, seconds: 1, rate: 50 }),
      "reading articles: 100/20,000, 50/s, about 6 min 38 s left",
    );
    assert.equal(
      describeProgress({ progress: { stage: "parse", done: 10, total: 100 }, seconds: 0.1, rate: null }),
      "reading articles: 10/100",
    );
  });

  it("should give a stage that does not count its time", () => {
    assert.equal(
      describeProgress({ progress: { stage: "pages", done: 0, total: 0 }, seconds: 75, rate: null }),
      "writing pages, 1 min 15 s",
    );
  });
});

describe("progressDisplay when not on a terminal", () => {
  it("should print nothing for a build shorter than the delay", () => {
    const terminal = fakeTerminal();
    const display = progressDisplay({ stream: terminal.stream, now: terminal.now, delayMs: 2000 });
    display.onProgress({ stage: "parse", done: 0, total: 10 });
    terminal.advance(500);
    display.onProgress({ stage: "parse", done: 10, total: 10 });
    display.stop();
    assert.deepEqual(terminal.written, []);
  });

  it("should print a plain line at each stage and every interval, with the time since the start", () => {
    const terminal = fakeTerminal();
    const display = progressDisplay({ stream: terminal.stream, now: terminal.now, delayMs: 2000, intervalMs: 5000 });
    display.onProgress({ stage: "parse", done: 1000, total: 21000 });
    terminal.advance(2000);
    display.onProgress({ stage: "parse", done: 1500, total: 21000 });
    terminal.advance(1000);
    display.onProgress({ stage: "parse", done: 1750, total: 21000 });
    terminal.advance(4000);
    display.onProgress({ stage: "parse", done: 2500, total: 21000 });
    display.tick();
    terminal.advance(1000);
    display.onProgress({ stage: "archive", done: 0, total: 0 });
    terminal.advance(3000);
    display.tick();
    display.stop();
    terminal.advance(10000);
    display.tick();
    assert.deepEqual(terminal.written, [
      "[2 s] reading articles: 1,500/21,000, 250/s, about 1 min 18 s left\n",
      "[7 s] reading articles: 2,500/21,000, 214/s, about 1 min 26 s left\n",
      "[8 s] building the archive, 0 s\n",
    ]);
  });
});

describe("cacheDirFrom", () => {
  it("should use .cache unless told another folder or to use none", () => {
    assert.deepEqual(cacheDirFrom({}, {}), { cacheDir: ".cache" });
    assert.deepEqual(cacheDirFrom({ cache: "/tmp/c" }, { CLIPPINGS_CACHE: "off" }), { cacheDir: "/tmp/c" });
    assert.deepEqual(cacheDirFrom({ "no-cache": true }, {}), {});
    assert.deepEqual(cacheDirFrom({}, { CLIPPINGS_CACHE: "off" }), {});
    assert.deepEqual(cacheDirFrom({}, { CLIPPINGS_CACHE: "/var/cache/clippings" }), { cacheDir: "/var/cache/clippings" });
  });
});
