// Where a worker notes the operation it is exercising, for the runner to report when the stage overruns.
import { join } from "node:path";
import { specSlug } from "../corpus/corpus-specs.js";
import type { OperationOutcome } from "./outcome.js";

export function progressFile(workDir: string, spec: string): string {
  return join(workDir, "progress", `${specSlug(spec)}.json`);
}

export interface Progress {
  current: { id: string; method: string; path: string };
  done: OperationOutcome[];
}
