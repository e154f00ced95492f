/**
 * Wall time and peak memory of a command and everything it starts (Node,
 * the Pagefind binary, workers), read from Linux's `/proc`.
 *
 * Every `intervalMs` the sampler lists all processes with their parent
 * (`/proc/<pid>/stat`), walks down from the command's pid, and sums the
 * resident memory (`VmRSS` in `/proc/<pid>/status`) of that tree; the peak
 * is the largest sum seen. A spike shorter than the interval can be missed,
 * so each process's own high-water mark (`VmHWM`) is kept too, per program:
 * it says which program the memory belongs to. CPU time (user + system) is
 * the last value seen for each process, summed: a lower bound that misses
 * at most the last interval of each process, and a check on wall times
 * taken while other work shares the machine.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** Program name, as the kernel keeps it (at most 15 characters). */
  readonly name: string;
  /** User + system CPU time so far, in clock ticks (all threads). */
  readonly cpuTicks: number;
}

/** Clock ticks per second of `/proc/<pid>/stat` times (`getconf CLK_TCK`): 100 on Linux. */
const CLOCK_TICKS = 100;

export interface TreeMemory {
  /** Sum of VmRSS over the tree, bytes. */
  readonly rssBytes: number;
  readonly processes: ReadonlyArray<ProcessInfo & { readonly rssBytes: number; readonly hwmBytes: number }>;
}

/** `pid (name) S ppid ...`; the name may hold spaces and parentheses, so read around the last `)`. */
export function parseStat(stat: string): ProcessInfo | null {
  const open = stat.indexOf("(");
  const close = stat.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  const fields = stat.slice(close + 2).split(" ");
  const pid = Number(stat.slice(0, open).trim());
  const ppid = Number(fields[1]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return null;
  // Fields 14 and 15 of stat(5), utime and stime, are 11 and 12 after the name.
  const cpuTicks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return { pid, ppid, name: stat.slice(open + 1, close), cpuTicks: Number.isFinite(cpuTicks) ? cpuTicks : 0 };
}

/** The processes running now; one that exits while being read is left out. */
export function processTable(): ProcessInfo[] {
  const table: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const info = parseStat(readFileSync(`/proc/${entry}/stat`, "utf8"));
      if (info !== null) table.push(info);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return table;
}

/** `root` and all its descendants in `table`, root first. */
export function treeOf(root: number, table: readonly ProcessInfo[]): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  let rootInfo: ProcessInfo | undefined;
  for (const info of table) {
    if (info.pid === root) rootInfo = info;
    const siblings = children.get(info.ppid);
    if (siblings === undefined) children.set(info.ppid, [info]);
    else siblings.push(info);
  }
  if (rootInfo === undefined) return [];
  const tree = [rootInfo];
  for (let index = 0; index < tree.length; index++) {
    tree.push(...(children.get((tree[index] as ProcessInfo).pid) ?? []));
  }
  return tree;
}

function statusKilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match === null ? 0 : Number(match[1]);
}

/** Resident memory of `root` and its descendants now; zero when `root` has exited. */
export function treeMemory(root: number): TreeMemory {
  const processes = [];
  let rssBytes = 0;
  for (const info of treeOf(root, processTable())) {
    try {
      const status = readFileSync(`/proc/${info.pid}/status`, "utf8");
      // Zombies and kernel threads have no Vm* lines: they count as 0.
      const rss = statusKilobytes(status, "VmRSS") * 1024;
      processes.push({ ...info, rssBytes: rss, hwmBytes: statusKilobytes(status, "VmHWM") * 1024 });
      rssBytes += rss;
    } catch {
      // Exited since the table was read.
    }
  }
  return { rssBytes, processes };
}

export interface MemorySummary {
  /** Largest sum of VmRSS over the tree seen in one sample, bytes. */
  readonly peakRssBytes: number;
  /** Per program name, the largest VmHWM of any one of its processes, bytes. */
  readonly peakByProgram: Readonly<Record<string, number>>;
  /** CPU seconds (user + system) of every process of the tree, summed; see above. */
  readonly cpuSeconds: number;
  readonly samples: number;
}

/** Samples the tree under `root` every `intervalMs` until stopped. */
export class TreeRssSampler {
  private peak = 0;
  private samples = 0;
  private readonly byProgram = new Map<string, number>();
  private readonly cpuTicks = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly root: number,
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  sample(): void {
    const memory = treeMemory(this.root);
    if (memory.processes.length === 0) return;
    this.samples++;
    this.peak = Math.max(this.peak, memory.rssBytes);
    for (const process of memory.processes) {
      this.byProgram.set(process.name, Math.max(this.byProgram.get(process.name) ?? 0, process.hwmBytes));
      this.cpuTicks.set(process.pid, Math.max(this.cpuTicks.get(process.pid) ?? 0, process.cpuTicks));
    }
  }

  stop(): MemorySummary {
    clearInterval(this.timer);
    let ticks = 0;
    for (const value of this.cpuTicks.values()) ticks += value;
    return {
      peakRssBytes: this.peak,
      peakByProgram: Object.fromEntries(this.byProgram),
      cpuSeconds: ticks / CLOCK_TICKS,
      samples: this.samples,
    };
  }
}

export interface Measurement extends MemorySummary {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly wallSeconds: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MeasureOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** @default 100 */
  readonly intervalMs?: number;
  /** Also show the command's stderr as it comes (progress of long runs). @default false */
  readonly echoStderr?: boolean;
}

/** Runs `command` to its end, sampling its process tree; output is collected, not shown. */
export function measureCommand(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    if (child.pid === undefined) {
      child.once("error", reject);
      return;
    }
    const sampler = new TreeRssSampler(child.pid, options.intervalMs).start();
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr.push(chunk);
      if (options.echoStderr) process.stderr.write(chunk);
    });
    child.once("error", (error) => {
      sampler.stop();
      reject(error);
    });
    child.once("close", (exitCode, signal) => {
      const wallSeconds = (performance.now() - started) / 1000;
      resolve({
        ...sampler.stop(),
        exitCode,
        signal,
        wallSeconds,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}
