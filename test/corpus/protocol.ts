// Messages between a runner (the corpus run, the conformance run) and its worker processes. The corpus stages
// and results are the defaults; another run passes its own stage names and result shape.
import type { Stage, StageResult } from "./outcome.js";

export type ToWorker<S extends string = Stage> = { type: "spec"; spec: string; stages: S[] } | { type: "flush" };

export type FromWorker<S extends string = Stage, R = StageResult> =
  | { type: "start"; specs: string[]; stage: S; timeoutMs: number }
  | { type: "result"; result: R }
  /** Ready for the next message; `recycle` asks the runner to replace this worker (memory high-water reached). */
  | { type: "idle"; recycle: boolean };

export interface WorkerConfig {
  workDir: string;
  failedDir: string;
  batchSize: number;
  perSpecTimeoutMs: number;
  compiler?: "tsgo" | "tsc";
}
