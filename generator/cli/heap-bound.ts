import { spawn } from "node:child_process";
import { readdir, rm, stat } from "node:fs/promises";
import { constants } from "node:os";
import { basename, dirname, join } from "node:path";
import { listSpecFiles } from "../../portal/catalog/discover.js";
import { tempSitePrefix } from "../../portal/temp-site.js";
import { UsageError } from "../errors/usage-error.js";

/** Set in the child that runs under a bound: its value is the bound in MB, and it keeps the child from re-running. */
const BOUND_ENV = "SPECWRIGHT_HEAP_BOUND_MB";
const MB = 1024 * 1024;
/**
 * What the heap may take, per MB of the largest spec file, and at least. Microsoft Graph beta (47 MB of JSON) needs
 * about 800 MB of heap at its lint's peak beside the build's own 150 MB: its cold build ran in a 700 MB bound at
 * the cost of time, in 900 MB at +9% time, and peaked at 1.21 GB of RSS unbounded (V8 grows a heap far past what is
 * live when nothing bounds it). 24x gives that spec 1,079 MB.
 */
const HEAP_MB_PER_SPEC_MB = 24;
const MIN_HEAP_MB = 1024;
/** V8 prints this block when a heap is exhausted, then aborts; it is replaced by a message saying what to do. */
const V8_OOM_REPORT = "<--- Last few GCs --->";

export interface HeapBoundRequest {
  specsDir: string;
  outDir: string;
  /** `--max-heap`: undefined sizes the bound from the largest spec; 0 asks for none. */
  maxHeap: number | undefined;
  run?: typeof runWithHeapBound;
  warn?: (line: string) => void;
}

/**
 * Runs `portal build` in a child under a heap bound, unless this process has one already (it is that child, or the
 * user gave node `--max-old-space-size`) or `--max-heap 0` asks for none. True when the child did the build (its
 * exit code is now this process's); false when this process is to build. A child stopped by a bound sized here is
 * followed by a build in this process, unbounded, with a warning; by a bound the user gave, by an error naming it.
 */
export async function builtUnderHeapBound(request: HeapBoundRequest): Promise<boolean> {
  const { maxHeap, run = runWithHeapBound, warn = (line) => process.stderr.write(`${line}\n`) } = request;
  if (maxHeap === 0 || heapAlreadyBounded()) return false;
  const bound = maxHeap ?? heapBoundMb(await largestSpecFileBytes(request.specsDir));
  const result = await run(bound, request.outDir);
  if (!result.outOfMemory) {
    process.exitCode = result.code;
    return true;
  }
  if (maxHeap !== undefined)
    throw new UsageError(
      `portal build needed more than its --max-heap of ${bound} MB`,
      "raise --max-heap, or pass --max-heap 0 for no bound",
    );
  warn(
    `warning: portal build needed more than the ${bound} MB of heap sized from its largest spec; building again without a bound`,
  );
  return false;
}

/** The heap bound for a command over a specs folder: from the largest spec file in it (see HEAP_MB_PER_SPEC_MB). */
export function heapBoundMb(largestSpecBytes: number): number {
  return Math.max(MIN_HEAP_MB, Math.ceil((largestSpecBytes / MB) * HEAP_MB_PER_SPEC_MB));
}

/** Whether this process already runs with a bound: one the user gave node, or the one a parent set for it. */
export function heapAlreadyBounded(
  execArgv: readonly string[] = process.execArgv,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env[BOUND_ENV] !== undefined) return true;
  const flags = [...execArgv, ...(env.NODE_OPTIONS ?? "").split(/\s+/)];
  return flags.some((flag) => /^--max[-_]old[-_]space[-_]size(=|$)/.test(flag));
}

/** The size of the largest spec-like file (.json, .yaml, .yml) under a folder, as the catalog finds them. */
export async function largestSpecFileBytes(dir: string): Promise<number> {
  let largest = 0;
  for (const file of await listSpecFiles(dir)) largest = Math.max(largest, (await stat(file)).size);
  return largest;
}

export interface BoundedRun {
  code: number;
  /** The child stopped because its heap reached the bound. */
  outOfMemory: boolean;
}

/**
 * Runs this same command line again in a child whose V8 heap is bounded (`--max-old-space-size`, read only when a
 * process starts, hence the child). Unbounded, V8 sizes a heap from the machine's memory and lets each stage's garbage
 * pile up under the next: a bound makes it collect sooner, for a little more time. stdout is the child's; stderr is
 * passed on except V8's report of an exhausted heap, which the caller replaces. `outDir` is where a stopped child's
 * half-written site (`<outDir>.tmp-<pid>-*`) is cleaned up from.
 */
export function runWithHeapBound(boundMb: number, outDir: string): Promise<BoundedRun> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${boundMb}`, ...process.argv.slice(1)],
    {
      stdio: ["inherit", "inherit", "pipe"],
      env: { ...process.env, [BOUND_ENV]: String(boundMb) },
    },
  );
  let outOfMemory = false;
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    if (outOfMemory) return;
    const start = chunk.indexOf(V8_OOM_REPORT);
    outOfMemory = start >= 0;
    process.stderr.write(outOfMemory ? chunk.slice(0, start) : chunk);
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward).on("SIGTERM", forward);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", async (code, signal) => {
      process.off("SIGINT", forward).off("SIGTERM", forward);
      if (signal !== null || code !== 0) await removeHalfWritten(outDir, child.pid);
      // A child stopped by a signal exits as a shell reports it: 128 + the signal's number (SIGINT: 130).
      const signalled = signal === null ? 1 : 128 + (constants.signals[signal] ?? 0);
      resolve({ code: code ?? signalled, outOfMemory });
    });
  });
}

/** A child stopped by V8 (or a signal) leaves its temporary folder: removed, so no half-written output stays. */
export async function removeHalfWritten(outDir: string, pid: number | undefined): Promise<void> {
  if (pid === undefined) return;
  const prefix = basename(tempSitePrefix(outDir, pid));
  const siblings = await readdir(dirname(outDir)).catch(() => []);
  for (const name of siblings)
    if (name.startsWith(prefix)) await rm(join(dirname(outDir), name), { recursive: true, force: true });
}
