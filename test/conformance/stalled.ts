// A conform stage the pool abandoned (over its time limit, or the worker died): the outcomes its worker noted
// before it stopped are kept, and the operation it was on is named, so the failure class points at a cause.
import { existsSync, readFileSync, rmSync } from "node:fs";
import type { PoolResult } from "../corpus/pool.js";
import type { ConformResult, ConformStage } from "./outcome.js";
import { progressFile, type Progress } from "./progress.js";

export function stalledResult(result: PoolResult<ConformStage>, workDir: string): ConformResult {
  const file = progressFile(workDir, result.spec);
  if (!existsSync(file)) return result;
  const progress = JSON.parse(readFileSync(file, "utf8")) as Progress;
  rmSync(file, { force: true });
  const { current } = progress;
  const stalled = {
    id: current.id,
    method: current.method,
    path: current.path,
    list: false,
    checks: { accepted: false },
    fivexx: 0,
  };
  const where = `${current.method.toUpperCase()} ${current.path}`;
  return {
    ...result,
    error: `${result.error} while exercising ${where}`,
    outcomes: [
      ...progress.done,
      {
        ...stalled,
        failures: [
          { check: "stalled", message: `${result.status}: the stage stopped while this operation was exercised` },
        ],
      },
    ],
  };
}
