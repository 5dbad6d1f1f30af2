import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";

/** One side of a redos-detector trail entry, as much of it as the explanation needs. */
export interface TrailSide {
  node: { source: string; start: { offset: number } };
  quantifierIterations: ReadonlyArray<{ iteration: number; node: { source: string; start: { offset: number } } }>;
}

/** What the detector says about one pattern (compiled with the `u` flag, as JSON Schema patterns are ECMA-262). */
export type DetectorResult =
  | { pattern: string; safe: true }
  | {
      pattern: string;
      safe: false;
      error: "hitMaxScore";
      downgraded: boolean;
      trail: Array<{ a: TrailSide; b: TrailSide }>;
    }
  /** Undecided: the detector stopped at its step or time limit, threw (`failed`), its worker stalled or never started. */
  | {
      pattern: string;
      safe: false;
      error: "hitMaxSteps" | "timedOut" | "failed" | "stalled" | "unavailable" | "overBudget";
      detail?: string;
    };

export interface DetectorLimits {
  /** redos-detector's `maxSteps`: deterministic, the main bound on the work per pattern. */
  maxSteps: number;
  /** redos-detector's `timeout` per pattern (ms), a safety net for patterns whose steps are slow. */
  timeoutMs: number;
  /** Wall time for all the patterns of one lint (ms): the patterns not analysed by then are left undecided. */
  budgetMs: number;
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
const WORKER_HEAP_MB = 384;
/** Workers per lint: the main thread only waits, so up to one per core; few, since each may use WORKER_HEAP_MB. */
const MAX_WORKERS = 4;
/** Fewer patterns than this per worker are not worth a worker's start-up (importing the detector). */
const PATTERNS_PER_WORKER = 8;

/** One worker's share of the patterns: `queue` holds the ones it has not answered yet, in the order sent. */
interface Lane {
  queue: string[];
  run?: { worker: Worker; port: MessagePort; answered: number; lastAnswerAt: number };
  /** Workers in a row that answered nothing: two mean the detector does not start at all. */
  silentRuns: number;
}

/**
 * Runs redos-detector on `patterns` (each a valid `u`-flag regexp) in worker threads and waits for them
 * synchronously, since lint rules are synchronous. A worker that stops answering (heap cap hit, a step that never
 * ends) is replaced, and the pattern it was on is reported undecided.
 */
export function detectBacktracking(patterns: readonly string[], limits: DetectorLimits): DetectorResult[] {
  const stallMs = limits.timeoutMs + STALL_MARGIN_MS;
  const answered = new Int32Array(new SharedArrayBuffer(4));
  const count = Math.max(
    1,
    Math.min(MAX_WORKERS, availableParallelism(), Math.floor(patterns.length / PATTERNS_PER_WORKER)),
  );
  const lanes: Lane[] = Array.from({ length: count }, (_, i) => ({
    queue: patterns.filter((_, j) => j % count === i),
    silentRuns: 0,
  }));
  const results: DetectorResult[] = [];
  const giveUp = (pattern: string, error: "stalled" | "unavailable" | "overBudget") =>
    results.push({ pattern, safe: false, error });
  const deadline = Date.now() + limits.budgetMs;
  for (const lane of lanes) start(lane, answered, limits);
  try {
    while (lanes.some((lane) => lane.run)) {
      const seen = Atomics.load(answered, 0);
      const now = Date.now();
      const overBudget = now >= deadline;
      for (const lane of lanes) {
        const run = lane.run;
        if (!run) continue;
        for (let message = receiveMessageOnPort(run.port); message; message = receiveMessageOnPort(run.port)) {
          results.push(message.message as DetectorResult);
          lane.queue.shift();
          run.answered += 1;
          run.lastAnswerAt = now;
        }
        if (lane.queue.length > 0 && now - run.lastAnswerAt < stallMs && !overBudget) continue;
        stop(lane);
        if (lane.queue.length === 0) continue;
        if (overBudget) {
          for (const pattern of lane.queue.splice(0)) giveUp(pattern, "overBudget");
          continue;
        }
        lane.silentRuns = run.answered === 0 ? lane.silentRuns + 1 : 0;
        if (lane.silentRuns >= 2) for (const pattern of lane.queue.splice(0)) giveUp(pattern, "unavailable");
        else giveUp(lane.queue.shift()!, "stalled");
        if (lane.queue.length > 0) start(lane, answered, limits);
      }
      const running = lanes.flatMap((lane) => (lane.run ? [lane.run.lastAnswerAt + stallMs - now] : []));
      if (running.length > 0) Atomics.wait(answered, 0, seen, Math.max(1, Math.min(deadline - now, ...running)));
    }
  } finally {
    for (const lane of lanes) stop(lane);
  }
  return results;
}

/** Starts a worker over the lane's queue; its answers come on its own port, each counted in `answered`. */
function start(lane: Lane, answered: Int32Array, limits: DetectorLimits): void {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      detectorUrl: import.meta.resolve("redos-detector"),
      patterns: lane.queue,
      maxSteps: limits.maxSteps,
      timeoutMs: limits.timeoutMs,
      port: port2,
      signal: answered.buffer,
    },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: true,
    stderr: true,
  });
  worker.unref();
  // Errors (a failed start, a heap cap hit) arrive as events after the wait; the stall time-out has handled them.
  worker.on("error", () => undefined);
  // The first answer's wait also covers the worker's start-up (importing the detector).
  lane.run = { worker, port: port1, answered: 0, lastAnswerAt: Date.now() };
}

function stop(lane: Lane): void {
  if (!lane.run) return;
  lane.run.port.close();
  void lane.run.worker.terminate();
  lane.run = undefined;
}
