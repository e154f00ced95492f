/**
 * A long build's progress, on stderr so that stdout keeps the summary: on a
 * terminal a bar (cli-progress, https://github.com/npkgz/cli-progress) with
 * the stage, articles done, rate and time left; elsewhere (CI logs, pipes)
 * a plain line every few seconds. A build shorter than `delayMs` shows
 * nothing.
 */
import { performance } from "node:perf_hooks";
import { Presets, SingleBar } from "cli-progress";
import type { BuildProgress, BuildStage, ProgressListener } from "../buildProgress.ts";

export interface ProgressDisplayOptions {
  /** Where to write. @default process.stderr */
  readonly stream?: NodeJS.WriteStream;
  /** Draw a bar rather than print lines. @default stream.isTTY */
  readonly tty?: boolean;
  /** Show nothing until the build has run this long, in ms. @default 2000 */
  readonly delayMs?: number;
  /** Between two plain lines, in ms. @default 5000 */
  readonly intervalMs?: number;
  /** The clock, in ms. @default performance.now */
  readonly now?: () => number;
}

export interface ProgressDisplay {
  /** Give to `BuildOptions.onProgress`. */
  readonly onProgress: ProgressListener;
  /** Redraws, or prints a line when one is due; a timer calls it, tests may too. */
  tick(): void;
  /** Clears the bar (or ends the lines) before the build's summary is printed. */
  stop(): void;
}

const LABELS: Readonly<Record<BuildStage, string>> = {
  parse: "reading articles",
  archive: "building the archive",
  pages: "writing pages",
  index: "indexing for search",
};

/** What a stage has done so far, as `describeProgress` reads it. */
export interface StageState {
  readonly progress: BuildProgress;
  /** Seconds since the stage began. */
  readonly seconds: number;
  /** Articles per second since the stage's first report (cached ones count at once, not in the rate); `null` before it can be told. */
  readonly rate: number | null;
}

const count = (value: number) => value.toLocaleString("en-US");

function duration(seconds: number): string {
  const rounded = Math.round(seconds);
  return rounded < 60 ? `${rounded} s` : `${Math.floor(rounded / 60)} min ${String(rounded % 60).padStart(2, "0")} s`;
}

/** "reading articles: 4,200/20,000, 350/s, about 45 s left"; a stage that does not count shows its time. */
export function describeProgress({ progress, seconds, rate }: StageState): string {
  const label = LABELS[progress.stage];
  if (progress.total === 0) return `${label}, ${duration(seconds)}`;
  const parts = [`${label}: ${count(progress.done)}/${count(progress.total)}`];
  if (rate !== null && rate > 0) {
    parts.push(`${count(Math.round(rate))}/s`);
    if (progress.done < progress.total) parts.push(`about ${duration((progress.total - progress.done) / rate)} left`);
  }
  return parts.join(", ");
}

/** Below this many seconds of a stage, its rate says little. */
const RATE_AFTER = 0.5;
const BAR_WIDTH = 24;

export function progressDisplay(options: ProgressDisplayOptions = {}): ProgressDisplay {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? stream.isTTY;
  const delayMs = options.delayMs ?? 2000;
  const intervalMs = options.intervalMs ?? 5000;
  const now = options.now ?? (() => performance.now());
  const started = now();

  let progress: BuildProgress | null = null;
  let stageStart = started;
  let first = { at: started, done: 0 };
  let lastLine = -Infinity;
  let bar: SingleBar | null = null;
  let stopped = false;

  const state = (at: number): StageState | null => {
    if (progress === null) return null;
    const since = (at - first.at) / 1000;
    const rate = since >= RATE_AFTER && progress.done > first.done ? (progress.done - first.done) / since : null;
    return { progress, seconds: (at - stageStart) / 1000, rate };
  };

  function draw(at: number): void {
    const current = state(at);
    if (current === null || stopped || at - started < delayMs) return;
    if (!tty) {
      if (at - lastLine < intervalMs) return;
      lastLine = at;
      stream.write(`[${duration((at - started) / 1000)}] ${describeProgress(current)}\n`);
      return;
    }
    if (bar === null) {
      bar = new SingleBar(
        {
          stream,
          hideCursor: true,
          clearOnComplete: true,
          fps: 5,
          format: (_options, params) => {
            const shown = state(now());
            if (shown === null) return "";
            if (shown.progress.total === 0) return describeProgress(shown);
            const filled = Math.round(params.progress * BAR_WIDTH);
            return `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)} ${describeProgress(shown)}`;
          },
        },
        Presets.shades_classic,
      );
      bar.start(Math.max(1, current.progress.total), current.progress.done);
    } else {
      bar.setTotal(Math.max(1, current.progress.total));
      bar.update(current.progress.done);
    }
  }

  const timer = setInterval(() => draw(now()), Math.min(intervalMs, 1000));
  timer.unref();

  return {
    onProgress(next) {
      const at = now();
      if (progress?.stage !== next.stage) {
        stageStart = at;
        first = { at, done: next.done };
        lastLine = -Infinity;
      }
      progress = next;
      draw(at);
    },
    tick() {
      draw(now());
    },
    stop() {
      clearInterval(timer);
      stopped = true;
      bar?.stop();
    },
  };
}
