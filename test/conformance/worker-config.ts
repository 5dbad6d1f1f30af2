// What run.ts tells each conformance worker (through the environment, as the corpus pool does).
export interface ConformWorkerConfig {
  workDir: string;
  perStageTimeoutMs: number;
}
