/**
 * Wall time, CPU time and memory of each stage of a build in this process,
 * read from the build's own progress reports: a stage ends when the next
 * one begins, or when the clock is stopped. The benchmark prints them.
 */
import { performance } from "node:perf_hooks";
import type { BuildStage, ProgressListener } from "./buildProgress.ts";

export interface StageTiming {
  readonly stage: BuildStage;
  readonly seconds: number;
  /** User and system CPU of this process, all its threads (not of processes it starts, such as Pagefind). */
  readonly cpuSeconds: number;
  /** Resident memory and live heap of this process when the stage ended, MB. */
  readonly rssMB: number;
  readonly heapUsedMB: number;
}

export interface StageClock {
  /** Give to `BuildOptions.onProgress` (it passes every report on to `next`). */
  readonly onProgress: ProgressListener;
  /** Ends the current stage; the stages in the order they ran. */
  stop(): StageTiming[];
}

const MB = 1024 * 1024;

export function stageClock(next?: ProgressListener): StageClock {
  const timings: StageTiming[] = [];
  let current: { stage: BuildStage; at: number; cpu: NodeJS.CpuUsage } | null = null;
  const end = () => {
    if (current === null) return;
    const cpu = process.cpuUsage(current.cpu);
    const { rss, heapUsed } = process.memoryUsage();
    timings.push({
      stage: current.stage,
      seconds: (performance.now() - current.at) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      rssMB: Math.round(rss / MB),
      heapUsedMB: Math.round(heapUsed / MB),
    });
    current = null;
  };
  return {
    onProgress(progress) {
      if (current?.stage !== progress.stage) {
        end();
        current = { stage: progress.stage, at: performance.now(), cpu: process.cpuUsage() };
      }
      next?.(progress);
    },
    stop() {
      end();
      return timings;
    },
  };
}
