// A corpus worker process: runs the in-process stages spec by spec, and type-checks the generated outputs in
// batches. Driven over IPC by run.ts, which kills and replaces it when a spec overruns its time.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { specSlug } from "./corpus-specs.js";
import type { Stage, StageResult } from "./outcome.js";
import type { FromWorker, ToWorker, WorkerConfig } from "./protocol.js";
import { outputDirs, runSpecStages } from "./stages.js";
import { typecheckBatch, type TypecheckUnit } from "./typecheck.js";

const RECYCLE_RSS_BYTES = 2.5 * 1024 ** 3;
const config = JSON.parse(process.env.CORPUS_WORKER_CONFIG ?? "null") as WorkerConfig;
const send = (message: FromWorker) => process.send!(message);

interface Pending {
  spec: string;
  slug: string;
  checks: Array<{ stage: Stage; dir: string }>;
}

let batchNumber = 0;
let batchDir = "";
let pending: Pending[] = [];

function newBatch(): void {
  batchNumber += 1;
  batchDir = join(config.workDir, `batch-${process.pid}-${batchNumber}`);
  rmSync(batchDir, { recursive: true, force: true });
  mkdirSync(batchDir, { recursive: true });
  pending = [];
}

async function handleSpec(spec: string, stages: Stage[]): Promise<void> {
  const slug = specSlug(spec);
  const outDir = join(batchDir, slug);
  const produced = await runSpecStages(spec, stages, outDir, {
    start: (stage) => send({ type: "start", specs: [spec], stage, timeoutMs: config.perSpecTimeoutMs }),
    end: (result) => send({ type: "result", result }),
  });
  const dirs = outputDirs(outDir);
  const checks: Pending["checks"] = [];
  for (const [check, source, dir] of [
    ["tsc", "generate", dirs.ours],
    ["ots-tsc", "ots", dirs.ots],
  ] as const) {
    if (!stages.includes(check)) continue;
    if (produced.has(source)) checks.push({ stage: check, dir });
    else
      send({ type: "result", result: { spec, stage: check, status: "skipped", error: `no ${source} output`, ms: 0 } });
  }
  if (checks.length > 0) pending.push({ spec, slug, checks });
  else rmSync(outDir, { recursive: true, force: true });
}

/** One compiler run over every pending output; each spec gets its own verdict, failing outputs are kept. */
function typecheckPending(): void {
  if (pending.length === 0) return;
  const units: TypecheckUnit[] = pending.flatMap((p) =>
    p.checks.map((c) => ({ id: `${p.spec}\u0000${c.stage}`, dir: c.dir })),
  );
  const timeoutMs = 60_000 + 10_000 * units.length;
  send({ type: "start", specs: pending.map((p) => p.spec), stage: "tsc", timeoutMs: timeoutMs + 30_000 });
  const batch = typecheckBatch(batchDir, units, { compiler: config.compiler, timeoutMs });
  const perUnitMs = Math.round(batch.ms / units.length);
  for (const p of pending) {
    let failed = false;
    for (const check of p.checks) {
      const verdict = batch.verdicts.get(`${p.spec}\u0000${check.stage}`)!;
      const result: StageResult = batch.failure
        ? { spec: p.spec, stage: check.stage, status: "crash", error: batch.failure, ms: perUnitMs }
        : verdict.errors > 0
          ? {
              spec: p.spec,
              stage: check.stage,
              status: "failed",
              error: verdict.first,
              ms: perUnitMs,
              detail: { errors: verdict.errors },
            }
          : { spec: p.spec, stage: check.stage, status: "ok", ms: perUnitMs };
      failed ||= result.status !== "ok";
      send({ type: "result", result });
    }
    if (failed) keepForInspection(join(batchDir, p.slug), p.slug);
  }
  rmSync(batchDir, { recursive: true, force: true });
  newBatch();
}

function keepForInspection(from: string, slug: string): void {
  const to = join(config.failedDir, slug);
  mkdirSync(config.failedDir, { recursive: true });
  rmSync(to, { recursive: true, force: true });
  if (existsSync(from)) renameSync(from, to);
}

newBatch();
let queue = Promise.resolve();
process.on("message", (message: ToWorker) => {
  queue = queue.then(async () => {
    if (message.type === "spec") await handleSpec(message.spec, message.stages);
    if (message.type === "flush" || pending.length >= config.batchSize) typecheckPending();
    const recycle = process.memoryUsage().rss > RECYCLE_RSS_BYTES;
    if (recycle) typecheckPending();
    send({ type: "idle", recycle });
  });
});
process.on("disconnect", () => {
  rmSync(batchDir, { recursive: true, force: true });
  process.exit(0);
});
