// The conformance run's stages for the corpus pool: swagger-parser's verdict, generation, the run itself (which
// needs the generated code), in one worker script.
import { join } from "node:path";
import { REPO_ROOT } from "../corpus/corpus-specs.js";
import type { StageGraph } from "../corpus/pool.js";
import { CONFORM_STAGES, type ConformStage } from "./outcome.js";

export const CONFORM_GRAPH: StageGraph<ConformStage> = {
  order: CONFORM_STAGES,
  needs: { conform: "generate" },
  workerScript: join(REPO_ROOT, "test/conformance/worker.ts"),
};
