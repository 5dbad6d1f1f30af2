import { spawnSync } from "node:child_process";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "../../bin/specwright.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/specwright.js ...args` as a user would, without a terminal (so no colours unless forced). */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, SPECWRIGHT_DEBUG: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What a user must never see: a JavaScript stack trace. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
