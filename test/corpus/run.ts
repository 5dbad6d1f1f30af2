// `npm run corpus`: every spec of the real-world corpus through every stage, on a pool of worker processes,
// resumable; writes .tmp/corpus/results.jsonl (one line per spec and stage) and .tmp/corpus/summary.md.
//
//   npm run corpus -- [--limit N] [--only TEXT] [--stages load,lint,...] [--workers 2] [--timeout 60]
//                     [--batch 20] [--compiler tsgo|tsc] [--retry-failed] [--fresh] [--summary] [--shuffle]
// --shuffle runs the specs in a seeded random order, so that a run cut short still covers the corpus evenly.
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { listCorpusSpecs, REPO_ROOT } from "./corpus-specs.js";
import { STAGES, type Stage } from "./outcome.js";
import { runPool, withPrerequisites, type Task } from "./pool.js";
import { ResultLog, readResults } from "./results.js";
import { summarise } from "./summary.js";
import { defaultCompiler, type CompilerName } from "./typecheck.js";

const { values } = parseArgs({
  options: {
    limit: { type: "string" },
    only: { type: "string" },
    stages: { type: "string", default: STAGES.join(",") },
    workers: { type: "string", default: "2" },
    timeout: { type: "string", default: "60" },
    batch: { type: "string", default: "20" },
    compiler: { type: "string", default: defaultCompiler() },
    "retry-failed": { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    summary: { type: "boolean", default: false },
    shuffle: { type: "boolean", default: false },
    out: { type: "string", default: join(REPO_ROOT, ".tmp/corpus") },
  },
});

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

const positive = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive whole number, not ${JSON.stringify(text)}`);
  return n;
};

const stages = values.stages.split(",").map((s) => s.trim()) as Stage[];
const unknown = stages.filter((s) => !STAGES.includes(s));
if (unknown.length > 0) fail(`unknown stage ${unknown.join(", ")}; stages: ${STAGES.join(", ")}`);
if (values.compiler !== "tsgo" && values.compiler !== "tsc") fail("--compiler must be tsgo or tsc");

const outDir = resolve(values.out);
const resultsFile = join(outDir, "results.jsonl");
if (values.fresh) rmSync(resultsFile, { force: true });
const log = new ResultLog(resultsFile, readResults(resultsFile));

const needle = values.only?.toLowerCase();
let specs = listCorpusSpecs().filter((spec) => !needle || spec.toLowerCase().includes(needle));
if (values.shuffle)
  specs = fc.sample(fc.shuffledSubarray(specs, { minLength: specs.length, maxLength: specs.length }), {
    seed: 20261122,
    numRuns: 1,
  })[0]!;
const limit = positive("limit", values.limit);
if (limit !== undefined) specs = specs.slice(0, limit);

/** A stage is done when it has a result (or, with --retry-failed, an ok or skipped one). */
const done = (spec: string, stage: Stage) => {
  const result = log.table.get(spec)?.get(stage);
  return result !== undefined && (!values["retry-failed"] || result.status === "ok" || result.status === "skipped");
};
const tasks: Task[] = [];
for (const spec of specs) {
  const todo = stages.filter((stage) => !done(spec, stage));
  if (todo.length > 0) tasks.push({ spec, stages: withPrerequisites(todo) });
}

if (!values.summary && tasks.length > 0) {
  const started = Date.now();
  let reported = 0;
  const total = tasks.reduce((n, t) => n + t.stages.length, 0);
  process.stderr.write(
    `corpus: ${tasks.length} specs to run (${specs.length - tasks.length} already done), stages ${stages.join(",")}, compiler ${values.compiler}\n`,
  );
  const onSignal = () => {
    process.stderr.write("\ninterrupted: results so far are kept; run again to resume\n");
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  await runPool(tasks, {
    workers: positive("workers", values.workers)!,
    config: {
      workDir: join(outDir, "work"),
      failedDir: join(outDir, "failed"),
      batchSize: positive("batch", values.batch)!,
      perSpecTimeoutMs: positive("timeout", values.timeout)! * 1000,
      compiler: values.compiler as CompilerName,
    },
    onResult: (result) => {
      log.add(result);
      reported += 1;
      if (result.status === "crash" || result.status === "timeout")
        process.stderr.write(`\n${result.status}: ${result.spec} ${result.stage}: ${result.error}\n`);
    },
    onProgress: () => {
      if (process.stderr.isTTY)
        process.stderr.write(`\r${reported}/${total} stage results, ${Math.round((Date.now() - started) / 1000)} s `);
    },
  });
  process.stderr.write(`\ndone in ${Math.round((Date.now() - started) / 1000)} s\n`);
  rmSync(join(outDir, "work"), { recursive: true, force: true });
}

const summary = summarise(log.table, specs);
writeFileSync(join(outDir, "summary.md"), summary);
process.stdout.write(summary);
process.stderr.write(`results: ${resultsFile}\nsummary: ${join(outDir, "summary.md")}\n`);
