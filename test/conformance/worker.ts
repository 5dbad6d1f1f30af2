// A conformance worker process: one spec at a time through conform-spec.ts, driven over IPC by run.ts (through the
// corpus pool, which kills and replaces a worker whose stage overruns its time).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { specSlug } from "../corpus/corpus-specs.js";
import type { FromWorker, ToWorker } from "../corpus/protocol.js";
import { runSpecStages } from "../corpus/stages.js";
import { conformSpec } from "./conform-spec.js";
import type { ConformResult, ConformStage } from "./outcome.js";
import { progressFile, type Progress } from "./progress.js";
import type { ConformWorkerConfig } from "./worker-config.js";

// Each spec's generated modules stay loaded: a worker is replaced once it has grown this large.
const RECYCLE_RSS_BYTES = 1.5 * 1024 ** 3;
const config = JSON.parse(process.env.CORPUS_WORKER_CONFIG ?? "null") as ConformWorkerConfig;
mkdirSync(join(config.workDir, "progress"), { recursive: true });
const send = (message: FromWorker<ConformStage, ConformResult>) => process.send!(message);

let queue = Promise.resolve();
process.on("message", (message: ToWorker<ConformStage>) => {
  queue = queue.then(async () => {
    if (message.type === "spec") {
      const outDir = join(config.workDir, `${process.pid}-${specSlug(message.spec)}`);
      const start = (stage: ConformStage) =>
        send({ type: "start", specs: [message.spec], stage, timeoutMs: config.perStageTimeoutMs });
      if (message.stages.includes("validate")) {
        await runSpecStages(message.spec, ["validate"], outDir, {
          start: (stage) => start(stage as ConformStage),
          end: ({ spec, stage, status, error, ms }) =>
            send({ type: "result", result: { spec, stage: stage as ConformStage, status, error, ms } }),
        });
      }
      if (message.stages.includes("generate") || message.stages.includes("conform"))
        await conformSpec(message.spec, outDir, {
          start,
          end: (result) => send({ type: "result", result }),
          exercising: (op, done) => {
            const progress: Progress = { current: { id: op.id, method: op.method, path: op.path }, done: [...done] };
            writeFileSync(progressFile(config.workDir, message.spec), JSON.stringify(progress));
          },
        });
      rmSync(progressFile(config.workDir, message.spec), { force: true });
      rmSync(outDir, { recursive: true, force: true });
    }
    send({ type: "idle", recycle: process.memoryUsage().rss > RECYCLE_RSS_BYTES });
  });
});
process.on("disconnect", () => process.exit(0));
