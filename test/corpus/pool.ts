// A pool of worker processes over a queue of specs. A worker that overruns a stage's time limit, or dies, is
// killed and replaced; the stage is recorded as a timeout (or crash), what depended on it as skipped, and the
// spec's other unfinished stages are queued again once. The corpus run drives it with its own stages and worker;
// another run (the conformance run) passes its stage graph and worker script.
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./corpus-specs.js";
import { NEEDS, STAGES, type Stage, type Status } from "./outcome.js";
import type { FromWorker, ToWorker, WorkerConfig } from "./protocol.js";

/** The stages a worker runs, in order, what each needs, and the worker script that speaks protocol.ts. */
export interface StageGraph<S extends string> {
  order: readonly S[];
  needs: Partial<Record<S, S>>;
  workerScript: string;
}

export const CORPUS_GRAPH: StageGraph<Stage> = {
  order: STAGES,
  needs: NEEDS,
  workerScript: join(REPO_ROOT, "test/corpus/worker.ts"),
};

/** What the pool itself reports for a stage it had to abandon (timeout, crash, skipped). */
export interface PoolResult<S extends string> {
  spec: string;
  stage: S;
  status: Status;
  error?: string;
  ms: number;
}

export interface Task<S extends string = Stage> {
  spec: string;
  stages: S[];
  retried?: boolean;
}

interface Slot<S extends string> {
  child: ChildProcess;
  /** Stages sent to this worker and not yet reported, per spec. */
  awaiting: Map<string, { stages: Set<S>; retried: boolean }>;
  current?: { specs: string[]; stage: S; deadline: number; limitMs: number };
  flushed: boolean;
  done: boolean;
}

/** True when `stage` needs what `failed` would have produced (directly or through another stage). */
function dependsOn<S extends string>(graph: StageGraph<S>, stage: S, failed: S): boolean {
  for (let need = graph.needs[stage]; need; need = graph.needs[need]) if (need === failed) return true;
  return false;
}

export function runPool<S extends string = Stage>(
  tasks: Task<S>[],
  options: {
    workers: number;
    config: WorkerConfig | object;
    graph?: StageGraph<S>;
    onResult(result: PoolResult<S>): void;
    onProgress?(): void;
  },
): Promise<void> {
  const graph = options.graph ?? (CORPUS_GRAPH as unknown as StageGraph<S>);
  const queue = [...tasks];
  const slots = new Set<Slot<S>>();
  return new Promise((resolveAll) => {
    const timer = setInterval(() => {
      for (const slot of slots)
        if (slot.current && Date.now() > slot.current.deadline)
          abandon(slot, "timeout", `${slot.current.stage} over the ${Math.round(slot.current.limitMs / 1000)} s limit`);
    }, 500);

    const finishIfIdle = () => {
      if ([...slots].every((slot) => slot.done) && queue.length === 0) {
        clearInterval(timer);
        resolveAll();
      }
    };

    const spawn = () => {
      const child = fork(join(REPO_ROOT, "bin/run-ts.js"), [graph.workerScript], {
        env: { ...process.env, CORPUS_WORKER_CONFIG: JSON.stringify(options.config) },
        execArgv: ["--max-old-space-size=4096"],
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      let stderrTail = "";
      child.stderr?.on("data", (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-2000)));
      const slot: Slot<S> = { child, awaiting: new Map(), flushed: false, done: false };
      slots.add(slot);
      child.on("message", (message: FromWorker<S, PoolResult<S>>) => {
        if (message.type === "start") {
          slot.current = {
            specs: message.specs,
            stage: message.stage,
            deadline: Date.now() + message.timeoutMs,
            limitMs: message.timeoutMs,
          };
        } else if (message.type === "result") {
          const awaited = slot.awaiting.get(message.result.spec);
          awaited?.stages.delete(message.result.stage);
          if (awaited?.stages.size === 0) slot.awaiting.delete(message.result.spec);
          options.onResult(message.result);
          options.onProgress?.();
        } else {
          slot.current = undefined;
          if (message.recycle) return retire(slot);
          next(slot);
        }
      });
      child.on("exit", (code, signal) => {
        if (slot.done) return;
        const lastError =
          stderrTail
            .trim()
            .split("\n")
            .filter((l) => /Error|error/.test(l))[0] ?? `exit ${code ?? signal}`;
        abandon(slot, "crash", `worker died: ${lastError.trim()}`);
      });
      next(slot);
    };

    const next = (slot: Slot<S>) => {
      const task = queue.shift();
      const send = (message: ToWorker<S>) => slot.child.send(message);
      if (task) {
        slot.flushed = false;
        slot.awaiting.set(task.spec, { stages: new Set(task.stages), retried: task.retried ?? false });
        send({ type: "spec", spec: task.spec, stages: task.stages });
      } else if (!slot.flushed) {
        slot.flushed = true;
        send({ type: "flush" });
      } else {
        retire(slot, false);
      }
    };

    /** Ends a worker that finished its work; a replacement takes over while specs remain. */
    const retire = (slot: Slot<S>, replace = true) => {
      slot.done = true;
      slot.child.disconnect();
      for (const [spec, awaited] of slot.awaiting)
        queue.unshift({ spec, stages: [...awaited.stages], retried: awaited.retried });
      if (replace && queue.length > 0) spawn();
      finishIfIdle();
    };

    const abandon = (slot: Slot<S>, status: "timeout" | "crash", why: string) => {
      if (slot.done) return;
      slot.done = true;
      slot.child.kill("SIGKILL");
      const current = slot.current;
      for (const [spec, awaited] of slot.awaiting) {
        const hit = current?.specs.includes(spec);
        const failedStages = hit
          ? [...awaited.stages].filter(
              (s) => s === current!.stage || (current!.stage === "tsc" && (s === "tsc" || s === "ots-tsc")),
            )
          : [];
        for (const stage of failedStages) options.onResult({ spec, stage, status, error: why, ms: 0 });
        const rest = [...awaited.stages].filter((s) => !failedStages.includes(s));
        const blocked = rest.filter((s) => failedStages.some((f) => dependsOn(graph, s, f)));
        for (const stage of blocked)
          options.onResult({ spec, stage, status: "skipped", error: `${failedStages.join(",")} ${status}`, ms: 0 });
        const again = rest.filter((s) => !blocked.includes(s));
        if (again.length === 0) continue;
        if (awaited.retried)
          for (const stage of again)
            options.onResult({
              spec,
              stage,
              status: "crash",
              error: `not finished after a worker restart: ${why}`,
              ms: 0,
            });
        else queue.push({ spec, stages: withPrerequisites(again, graph), retried: true });
      }
      slots.delete(slot);
      if (queue.length > 0) spawn();
      else finishIfIdle();
      options.onProgress?.();
    };

    for (let i = 0; i < Math.min(options.workers, Math.max(1, queue.length)); i++) spawn();
  });
}

/** The stages plus whatever they need (lint needs the document `load` makes, tsc the code `generate` writes). */
export function withPrerequisites<S extends string = Stage>(
  stages: readonly S[],
  graph: StageGraph<S> = CORPUS_GRAPH as unknown as StageGraph<S>,
): S[] {
  const all = new Set<S>(stages);
  for (const stage of stages) for (let need = graph.needs[stage]; need; need = graph.needs[need]) all.add(need);
  return graph.order.filter((stage) => all.has(stage));
}
