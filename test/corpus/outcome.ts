// What one stage did to one spec: the unit of the corpus results (one JSON line each).

export const STAGES = ["validate", "load", "lint", "generate", "tsc", "ots", "ots-tsc"] as const;
export type Stage = (typeof STAGES)[number];

/**
 * ok: the stage did its work. refused: the input was rejected with a clear diagnostic (file, place, fix).
 * failed: the output is wrong (type errors). crash: an unexpected exception. timeout: over the per-spec limit.
 * skipped: an earlier stage did not produce what this one needs.
 */
export type Status = "ok" | "refused" | "failed" | "crash" | "timeout" | "skipped";

export interface StageResult {
  spec: string;
  stage: Stage;
  status: Status;
  /** First line of the error or of the first diagnostic. */
  error?: string;
  ms: number;
  /** Worker RSS when the stage ended, MiB (process-wide: includes what earlier specs left). */
  rssMb?: number;
  /** Stage-specific counts (lint errors/warnings, tsc errors, files written). */
  detail?: Record<string, number>;
}

/** Which stage's artifact each stage needs. */
export const NEEDS: Partial<Record<Stage, Stage>> = {
  lint: "load",
  generate: "load",
  tsc: "generate",
  "ots-tsc": "ots",
};

export function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? text;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** An error that names a place and a fix (SpecLoadError, ModelError, ConfigError) is a diagnostic, not a crash. */
export function isDiagnostic(error: unknown): boolean {
  return error instanceof Error && typeof (error as { fix?: unknown }).fix === "string";
}

export function errorLine(error: unknown): string {
  if (error instanceof Error) return firstLine(`${error.name}: ${error.message}`);
  return firstLine(String(error));
}
