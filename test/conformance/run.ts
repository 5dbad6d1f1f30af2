// `npm run conformance`: the behavioural twin of `npm run corpus`. Every corpus spec (GitHub and Stripe included)
// is generated, served by its generated mock and called through its generated client (conform-spec.ts), on the
// corpus pool of workers, resumable; writes .tmp/conformance/results.jsonl and .tmp/conformance/summary.md.
//
//   npm run conformance -- [--sample N --seed S] [--limit N] [--only TEXT] [--workers 2] [--timeout 120]
//                          [--retry-failed] [--fresh] [--summary] [--json FILE]
// --sample takes N specs evenly spread over the sorted corpus, from an offset the seed picks (same every run).
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { listCorpusSpecs, REPO_ROOT } from "../corpus/corpus-specs.js";
import { runPool, withPrerequisites, type Task } from "../corpus/pool.js";
import { ResultLog, readResults } from "../corpus/results.js";
import { CONFORM_GRAPH as graph } from "./graph.js";
import { CONFORM_STAGES, type ConformResult, type ConformStage } from "./outcome.js";
import { evenSample } from "./sample.js";
import { figures, summaryMarkdown } from "./summary.js";
import { stalledResult } from "./stalled.js";
import type { ConformWorkerConfig } from "./worker-config.js";

const { values } = parseArgs({
  options: {
    sample: { type: "string" },
    seed: { type: "string", default: "1" },
    limit: { type: "string" },
    only: { type: "string" },
    workers: { type: "string", default: "2" },
    timeout: { type: "string", default: "120" },
    "retry-failed": { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    summary: { type: "boolean", default: false },
    json: { type: "string" },
    out: { type: "string", default: join(REPO_ROOT, ".tmp/conformance") },
  },
});

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

const whole = (name: string, text: string | undefined, min = 1): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    fail(`--${name} must be a whole number of at least ${min}, not ${JSON.stringify(text)}`);
  return n;
};

const outDir = resolve(values.out);
const resultsFile = join(outDir, "results.jsonl");
if (values.fresh) rmSync(resultsFile, { force: true });
const log = new ResultLog<ConformResult>(resultsFile, readResults<ConformResult>(resultsFile));

const needle = values.only?.toLowerCase();
let specs = listCorpusSpecs().filter((spec) => !needle || spec.toLowerCase().includes(needle));
const sampleSize = whole("sample", values.sample);
if (sampleSize !== undefined) specs = evenSample(specs, sampleSize, whole("seed", values.seed, 0)!);
const limit = whole("limit", values.limit);
if (limit !== undefined) specs = specs.slice(0, limit);

/** A stage is done when it has a result (or, with --retry-failed, an ok or skipped one). */
const done = (spec: string, stage: ConformStage) => {
  const result = log.table.get(spec)?.get(stage);
  return (
    result !== undefined &&
    (!values["retry-failed"] || result.status === "ok" || result.status === "skipped" || result.status === "refused")
  );
};
const tasks: Task<ConformStage>[] = [];
for (const spec of specs) {
  const todo = CONFORM_STAGES.filter((stage) => !done(spec, stage));
  if (todo.length > 0) tasks.push({ spec, stages: withPrerequisites(todo, graph) });
}

if (!values.summary && tasks.length > 0) {
  const started = Date.now();
  let finished = 0;
  process.stderr.write(`conformance: ${tasks.length} specs to run (${specs.length - tasks.length} already done)\n`);
  const onSignal = () => {
    process.stderr.write("\ninterrupted: results so far are kept; run again to resume\n");
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const config: ConformWorkerConfig = {
    workDir: join(outDir, "work"),
    perStageTimeoutMs: whole("timeout", values.timeout)! * 1000,
  };
  await runPool<ConformStage>(tasks, {
    workers: whole("workers", values.workers)!,
    config,
    graph,
    onResult: (result) => {
      log.add(
        result.stage === "conform" && (result.status === "timeout" || result.status === "crash")
          ? stalledResult(result, config.workDir)
          : (result as ConformResult),
      );
      if (result.stage === "conform") finished += 1;
      if (result.status === "crash" || result.status === "timeout")
        process.stderr.write(`\n${result.status}: ${result.spec} ${result.stage}: ${result.error}\n`);
    },
    onProgress: () => {
      if (process.stderr.isTTY)
        process.stderr.write(`\r${finished}/${tasks.length} specs, ${Math.round((Date.now() - started) / 1000)} s `);
    },
  });
  process.stderr.write(`\ndone in ${Math.round((Date.now() - started) / 1000)} s\n`);
  rmSync(join(outDir, "work"), { recursive: true, force: true });
}

const valid = specs.filter((spec) => log.table.get(spec)?.get("validate")?.status === "ok");
const all = figures(log.table, specs);
const summary = summaryMarkdown(
  all,
  figures(log.table, valid),
  `${specs.length} specs${sampleSize !== undefined ? ` (--sample ${sampleSize} --seed ${values.seed})` : ""}`,
);
writeFileSync(join(outDir, "summary.md"), summary);
process.stdout.write(summary);
if (values.json !== undefined) {
  // The issue's shape, the counts behind it (`detail`), and the same figures over the specs swagger-parser validates.
  writeFileSync(resolve(values.json), JSON.stringify({ ...all, valid: figures(log.table, valid) }, null, 2) + "\n");
}
process.stderr.write(`results: ${resultsFile}\nsummary: ${join(outDir, "summary.md")}\n`);
