// The CI slice of the conformance run (test/conformance): 40 corpus specs drawn once (specs.txt, from pick.ts), each
// generated, served by its generated mock and called through its generated client, on the same pool of worker
// processes `npm run conformance` uses (both cores). Failure classes known today are listed in known-failures.txt,
// each with the area fixing it; a failure outside them fails the test, and so does a class that no longer matches
// any failure, so the list only shrinks. floors.json holds the figures the sample must keep reaching.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../corpus/corpus-specs.js";
import { runPool } from "../corpus/pool.js";
import { record, type ResultTable } from "../corpus/results.js";
import { failureClass } from "../corpus/summary.js";
import { CONFORM_GRAPH } from "../conformance/graph.js";
import type { ConformResult } from "../conformance/outcome.js";
import { figures, type ConformanceFigures } from "../conformance/summary.js";
import type { ConformWorkerConfig } from "../conformance/worker-config.js";

const here = (name: string) => new URL(name, import.meta.url);
const lines = (name: string) =>
  readFileSync(here(name), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));
const specs = lines("specs.txt").map((line) => line.split("\t")[0]!);
/** Known failure classes: "<check> <tab> <regex over the normalised message> <tab> why / who fixes it". */
const known = lines("known-failures.txt").map((line) => {
  const [check, pattern, why] = line.split("\t");
  return { check: check!, pattern: new RegExp(pattern!), why: why ?? "", line, matched: 0 };
});
const floors = JSON.parse(readFileSync(here("floors.json"), "utf8")) as {
  roundTripPct: number;
  listTerminatePct: number;
  invalidRejectedPct: number;
  fivexxAtMost: number;
};

// Inside the repository (the generated code resolves express and ajv from node_modules), unique per run.
mkdirSync(join(REPO_ROOT, ".tmp"), { recursive: true });
const workDir = mkdtempSync(join(REPO_ROOT, ".tmp/conformance-sample-"));
const table: ResultTable<ConformResult> = new Map();
let figured: ConformanceFigures;

interface Seen {
  check: string;
  message: string;
  where: string;
}

/** Every failure of the sample: per operation, and per spec for a generation or run that did not finish. */
function failures(): Seen[] {
  const seen: Seen[] = [];
  for (const spec of specs) {
    const stages = table.get(spec);
    const generate = stages?.get("generate");
    const conform = stages?.get("conform");
    if (generate === undefined || conform === undefined)
      seen.push({ check: "result", message: "no result", where: spec });
    if (generate && generate.status !== "ok")
      seen.push({ check: `generate ${generate.status}`, message: generate.error ?? "", where: spec });
    if (conform && !["ok", "failed", "skipped"].includes(conform.status))
      seen.push({ check: `conform ${conform.status}`, message: conform.error ?? "", where: spec });
    for (const outcome of conform?.outcomes ?? [])
      for (const f of outcome.failures)
        seen.push({ check: f.check, message: f.message, where: `${spec} ${outcome.id}` });
  }
  return seen;
}

function knownClass(failure: Seen): (typeof known)[number] | undefined {
  const entry = known.find((k) => k.check === failure.check && k.pattern.test(failureClass(failure.message)));
  if (entry) entry.matched += 1;
  return entry;
}

beforeAll(async () => {
  const config: ConformWorkerConfig = { workDir, perStageTimeoutMs: 300_000 };
  await runPool(
    specs.map((spec) => ({ spec, stages: ["generate", "conform"] })),
    { workers: 2, config, graph: CONFORM_GRAPH, onResult: (result) => record(table, result as ConformResult) },
  );
  figured = figures(table, specs);
  process.stdout.write(`conformance sample: ${JSON.stringify(figured)}\n`);
}, 20 * 60_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe(`conformance sample (${specs.length} real specs)`, () => {
  it("draws a fixed sample of 40 distinct specs", () => {
    expect(new Set(specs).size).toBe(40);
  });

  it("every spec generates and runs to the end: no crash, no timeout, outside the known classes", () => {
    const stopped = failures().filter(
      (f) =>
        (f.check === "result" ||
          f.check.startsWith("generate ") ||
          f.check.startsWith("conform ") ||
          f.check === "stalled") &&
        !knownClass(f),
    );
    expect(stopped.map((f) => `${f.where}: ${f.check}: ${f.message}`)).toEqual([]);
  });

  it("answers no 5xx outside the known classes, and no more than the committed ceiling", () => {
    const unknown = failures().filter((f) => f.check === "5xx" && !knownClass(f));
    expect(unknown.map((f) => `${f.where}: ${f.message}`)).toEqual([]);
    expect(figured.fivexx).toBeLessThanOrEqual(floors.fivexxAtMost);
  });

  it("fails no check outside the known classes", () => {
    const unknown = failures().filter((f) => !knownClass(f));
    expect(unknown.map((f) => `${f.where}: ${f.check}: ${f.message}`)).toEqual([]);
  });

  it("keeps the committed floors: round-trip, lists that end, invalid inputs rejected", () => {
    expect(figured.operations).toBeGreaterThan(0);
    expect(figured.roundTripPct).toBeGreaterThanOrEqual(floors.roundTripPct);
    expect(figured.listTerminatePct).toBeGreaterThanOrEqual(floors.listTerminatePct);
    expect(figured.invalidRejectedPct).toBeGreaterThanOrEqual(floors.invalidRejectedPct);
  });

  it("has no stale known-failure class (each still matches a failure; delete the ones that do not)", () => {
    for (const f of failures()) knownClass(f);
    expect(known.filter((k) => k.matched === 0).map((k) => k.line)).toEqual([]);
  });
});
