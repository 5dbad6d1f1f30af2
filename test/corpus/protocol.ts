// Messages between the corpus runner and its worker processes.
import type { Stage, StageResult } from "./outcome.js";

export type ToWorker = { type: "spec"; spec: string; stages: Stage[] } | { type: "flush" };

export type FromWorker =
  | { type: "start"; specs: string[]; stage: Stage; timeoutMs: number }
  | { type: "result"; result: StageResult }
  /** Ready for the next message; `recycle` asks the runner to replace this worker (memory high-water reached). */
  | { type: "idle"; recycle: boolean };

export interface WorkerConfig {
  workDir: string;
  failedDir: string;
  batchSize: number;
  perSpecTimeoutMs: number;
  compiler?: "tsgo" | "tsc";
}
