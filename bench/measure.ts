// How every benchmark times a tool: a child process under /usr/bin/time -v, output discarded.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const TIME = "/usr/bin/time";
export const HAS_TIME = existsSync(TIME);

export interface Sample {
  wallSeconds: number;
  /** Peak resident set size of the process tree's largest process (from /usr/bin/time -v; absent without it). */
  peakRssMb: number | undefined;
  /** User + system CPU seconds: on a shared machine this says more than wall time, which also counts the neighbours. */
  cpuSeconds: number | undefined;
  exitCode: number | null;
  /** The last lines the tool wrote to stderr, to explain a failure. */
  stderrTail: string;
}

/** One run of `command`; its stdout goes nowhere (the size of a report is not what we measure). */
export function measureCommand(
  command: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Sample> {
  const argv = HAS_TIME ? [TIME, "-v", ...command] : [...command];
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: options.cwd,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        NO_COLOR: "1",
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        ...options.env,
      },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-200_000)));
    child.on("error", fail);
    child.on("close", (exitCode) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const toolExit = HAS_TIME ? Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? exitCode) : exitCode;
      const ownStderr = HAS_TIME ? stderr.slice(0, stderr.lastIndexOf("\tCommand being timed:")) : stderr;
      done({
        wallSeconds,
        peakRssMb: rss ? Number(rss[1]) / 1024 : undefined,
        cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : undefined,
        exitCode: toolExit,
        stderrTail: ownStderr.trim().split("\n").slice(-5).join("\n"),
      });
    });
  });
}

export function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
