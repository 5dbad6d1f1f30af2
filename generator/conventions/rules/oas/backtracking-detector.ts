import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

/** One side of a redos-detector trail entry, as much of it as the explanation needs. */
export interface TrailSide {
  node: { source: string; start: { offset: number } };
  quantifierIterations: ReadonlyArray<{ iteration: number; node: { source: string; start: { offset: number } } }>;
}

/** What the detector says about one pattern (compiled with the `u` flag, as JSON Schema patterns are ECMA-262). */
export type DetectorResult =
  | { pattern: string; safe: true }
  | { pattern: string; safe: false; error: "hitMaxScore"; downgraded: boolean; trail: Array<{ a: TrailSide; b: TrailSide }> }
  /** Undecided: the detector stopped at its step limit or time limit, or failed, or its worker stalled. */
  | { pattern: string; safe: false; error: "hitMaxSteps" | "timedOut" | "failed"; detail?: string };

export interface DetectorLimits {
  /** redos-detector's `maxSteps`: deterministic, the main bound on the work per pattern. */
  maxSteps: number;
  /** redos-detector's `timeout` per pattern (ms), a safety net for patterns whose steps are slow. */
  timeoutMs: number;
}

/**
 * The worker's script. redos-detector keeps its forks behind `WeakRef`s, which V8 keeps alive until the current
 * job ends: checked in one synchronous loop, a few hundred real-world patterns hold gigabytes. The worker yields
 * between patterns (so each pattern's memory goes), and its heap is capped, so a hostile pattern cannot take the
 * linter down with it.
 */
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
(async () => {
  const { isSafe } = await import(workerData.detectorUrl);
  const done = new Int32Array(workerData.signal);
  for (const pattern of workerData.patterns) {
    await new Promise((resolve) => setImmediate(resolve));
    let result;
    try {
      const r = isSafe(new RegExp(pattern, "u"), { maxSteps: workerData.maxSteps, timeout: workerData.timeoutMs });
      result = r.safe ? { pattern, safe: true }
        : r.error === "hitMaxScore" ? { pattern, safe: false, error: r.error, downgraded: r.patternDowngraded, trail: (r.trails[0] ? r.trails[0].trail : []).slice(0, 64) }
        : { pattern, safe: false, error: r.error };
    } catch (error) {
      result = { pattern, safe: false, error: "failed", detail: String(error && error.message || error) };
    }
    workerData.port.postMessage(result);
    Atomics.add(done, 0, 1);
    Atomics.notify(done, 0);
  }
})();
`;

/** Head room over the per-pattern timeout before a silent worker (out of memory, stuck) is given up on. */
const STALL_MARGIN_MS = 5000;
const WORKER_HEAP_MB = 512;

/**
 * Runs redos-detector on `patterns` (each a valid `u`-flag regexp) in a worker thread and waits for it synchronously,
 * since lint rules are synchronous. A worker that stops answering (heap cap hit, a step that never ends) is
 * replaced, and the pattern it was on is reported undecided.
 */
export function detectBacktracking(patterns: readonly string[], limits: DetectorLimits): DetectorResult[] {
  const results: DetectorResult[] = [];
  let remaining = patterns;
  let emptyRuns = 0;
  while (remaining.length > 0) {
    const batch = runWorker(remaining, limits);
    results.push(...batch);
    emptyRuns = batch.length === 0 ? emptyRuns + 1 : 0;
    // Two workers in a row that deliver nothing: the detector itself does not start; do not wait once per pattern.
    const given = emptyRuns >= 2 ? remaining.slice(batch.length) : remaining.slice(batch.length, batch.length + 1);
    const detail = emptyRuns >= 2 ? "the detector did not start" : `the analysis did not finish within ${limits.timeoutMs + STALL_MARGIN_MS} ms and ${WORKER_HEAP_MB} MB`;
    for (const pattern of given) results.push({ pattern, safe: false, error: "failed", detail });
    remaining = remaining.slice(batch.length + given.length);
  }
  return results;
}

/** One worker over `patterns`: returns the results it delivered in time (a prefix of `patterns`). */
function runWorker(patterns: readonly string[], limits: DetectorLimits): DetectorResult[] {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const done = new Int32Array(signal);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { detectorUrl: import.meta.resolve("redos-detector"), patterns, maxSteps: limits.maxSteps, timeoutMs: limits.timeoutMs, port: port2, signal },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: true,
    stderr: true,
  });
  worker.unref();
  // Errors (a failed start, a heap cap hit) arrive as events after the wait; the wait's time-out has handled them.
  worker.on("error", () => undefined);
  const results: DetectorResult[] = [];
  try {
    while (results.length < patterns.length) {
      // The first wait also covers the worker's start-up (importing the detector).
      if (Atomics.wait(done, 0, results.length, limits.timeoutMs + STALL_MARGIN_MS) === "timed-out") break;
      for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) results.push(message.message as DetectorResult);
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
  return results;
}
