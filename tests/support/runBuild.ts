import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/projectRoot.ts";

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the build command line as `npm run build -- ...args` would, with extra environment. */
export function runBuild(args: string[], env: NodeJS.ProcessEnv = {}): CommandResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src/cli/build.ts"), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
