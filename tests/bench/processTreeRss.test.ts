import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { measureCommand, parseStat, treeMemory, treeOf } from "../../src/bench/processTreeRss.ts";

const MB = 1024 * 1024;
/** A Node process that holds `mb` MB of touched memory for `ms` milliseconds. */
const holder = (mb: number, ms: number) => `const b = Buffer.alloc(${mb * MB}, 1); setTimeout(() => b.length, ${ms});`;

describe("process tree memory", () => {
  it("should read a stat line whose program name holds spaces and parentheses", () => {
    const stat = "4242 (my (odd) name) S 17 4242 4242 0 -1 4194304 100 0 0 0 250 30 0 0 20 0 1 0 339710";
    assert.deepEqual(parseStat(stat), { pid: 4242, ppid: 17, name: "my (odd) name", cpuTicks: 280 });
    assert.equal(parseStat("garbage"), null);
  });

  it("should walk a process tree down from its root", () => {
    const table = [
      { pid: 1, ppid: 0, name: "init" },
      { pid: 10, ppid: 1, name: "node" },
      { pid: 11, ppid: 10, name: "pagefind" },
      { pid: 12, ppid: 11, name: "worker" },
      { pid: 20, ppid: 1, name: "other" },
    ].map((info) => ({ ...info, cpuTicks: 0 }));
    assert.deepEqual(
      treeOf(10, table).map((p) => p.pid),
      [10, 11, 12],
    );
    assert.deepEqual(treeOf(99, table), []);
  });

  it("should see this process's own memory", () => {
    const memory = treeMemory(process.pid);
    assert.ok(memory.rssBytes > 10 * MB, `${memory.rssBytes}`);
    assert.equal(memory.processes[0]?.pid, process.pid);
  });

  it("should measure a child's wall time and peak memory, grandchildren included", async () => {
    // The child starts a grandchild holding 120 MB and holds 60 MB itself.
    const script = `
      const { spawn } = require("node:child_process");
      const grandchild = spawn(process.execPath, ["-e", ${JSON.stringify(holder(120, 900))}], { stdio: "inherit" });
      ${holder(60, 900)}
      grandchild.on("exit", () => console.log("done"));`;
    const run = await measureCommand(process.execPath, ["-e", script], { intervalMs: 50 });
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(run.stdout.trim(), "done");
    assert.ok(run.wallSeconds >= 0.9 && run.wallSeconds < 10, `${run.wallSeconds} s`);
    assert.ok(run.samples >= 5, `${run.samples} samples`);
    assert.ok(run.peakRssBytes > 180 * MB, `peak ${(run.peakRssBytes / MB).toFixed(0)} MB`);
    assert.ok(run.peakRssBytes < 1024 * MB, `peak ${(run.peakRssBytes / MB).toFixed(0)} MB`);
    assert.ok((run.peakByProgram["node"] ?? 0) > 120 * MB);
    assert.ok(run.cpuSeconds > 0 && run.cpuSeconds < 20, `${run.cpuSeconds} CPU s`);
  });

  it("should report a command that fails, with its exit code", async () => {
    const run = await measureCommand(process.execPath, ["-e", "process.exit(3)"]);
    assert.equal(run.exitCode, 3);
    assert.ok(run.peakRssBytes >= 0);
  });
});
