// The CI slice of the corpus run (test/corpus): 150 real specs drawn once with a fixed seed, each with
// swagger-parser's verdict (specs.txt, from pick.ts). Every spec goes through load, lint and generate in this
// process; all generated outputs are then type-checked in one compiler run. Failure classes another area already
// knows about are listed in known-failures.txt; a class that no longer matches any failure fails the test too, so
// the list only shrinks.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, specSlug } from "../corpus/corpus-specs.js";
import type { Stage, StageResult } from "../corpus/outcome.js";
import { outputDirs, runSpecStages } from "../corpus/stages.js";
import { typecheckBatch } from "../corpus/typecheck.js";

const here = (name: string) => new URL(name, import.meta.url);
const listed = readFileSync(here("specs.txt"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"))
  .map((line) => line.split("\t") as [string, string]);
const specs = listed.map(([spec]) => spec);
/** The specs swagger-parser validates: the ones that must load, generate and type-check. */
const validSpecs = listed.filter(([, verdict]) => verdict === "valid").map(([spec]) => spec);
/** Known failure classes: "<stage> <tab> <regex over 'spec error'> <tab> why", each reported to its area. */
const known = readFileSync(here("known-failures.txt"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"))
  .map((line) => {
    const [stage, pattern, why] = line.split("\t");
    return { stage: stage as Stage, pattern: new RegExp(pattern!), why: why ?? "", line, matched: 0 };
  });

function knownClass(result: StageResult): (typeof known)[number] | undefined {
  const entry = known.find((k) => k.stage === result.stage && k.pattern.test(`${result.spec} ${result.error ?? ""}`));
  if (entry) entry.matched += 1;
  return entry;
}

// Inside the repository (the generated code resolves express and its types from node_modules), unique per run.
mkdirSync(join(REPO_ROOT, ".tmp"), { recursive: true });
const workDir = mkdtempSync(join(REPO_ROOT, ".tmp/corpus-sample-"));
const results = new Map<string, StageResult>();
const resultOf = (spec: string, stage: Stage) => results.get(`${spec} ${stage}`);
const describeResult = (r: StageResult) => `${r.spec} ${r.stage}: ${r.status}${r.error ? ` (${r.error})` : ""}`;

/** Results of a stage that are not ok and match no known failure class. */
function unexpected(stage: Stage, among: readonly string[]): string[] {
  return among.flatMap((spec) => {
    const result = resultOf(spec, stage);
    if (!result) return [`${spec} ${stage}: no result`];
    return result.status !== "ok" && result.status !== "skipped" && !knownClass(result) ? [describeResult(result)] : [];
  });
}

beforeAll(async () => {
  const generated: Array<{ id: string; dir: string }> = [];
  for (const spec of specs) {
    const outDir = join(workDir, specSlug(spec));
    const produced = await runSpecStages(spec, ["load", "lint", "generate"], outDir, {
      start: () => {},
      end: (result) => results.set(`${result.spec} ${result.stage}`, result),
    });
    if (produced.has("generate")) generated.push({ id: spec, dir: outputDirs(outDir).ours });
    // Nothing to type-check: the generate assertions report why.
    else results.set(`${spec} tsc`, { spec, stage: "tsc", status: "skipped", error: "no generate output", ms: 0 });
  }
  const batch = typecheckBatch(workDir, generated, { timeoutMs: 15 * 60_000 });
  for (const { id } of generated) {
    const verdict = batch.verdicts.get(id)!;
    const status = batch.failure ? "crash" : verdict.errors > 0 ? "failed" : "ok";
    results.set(`${id} tsc`, { spec: id, stage: "tsc", status, error: batch.failure ?? verdict.first, ms: 0 });
  }
}, 40 * 60_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe(`corpus sample (${specs.length} real specs)`, () => {
  it("draws a fixed sample of 150 distinct specs", () => {
    expect(new Set(specs).size).toBe(150);
  });

  it("swagger-parser accepts most of the sample (the reference the other checks lean on)", () => {
    expect(validSpecs.length).toBeGreaterThan(specs.length / 2);
  });

  it.each(["load", "lint", "generate"] as const)("%s never crashes or times out, on any spec", (stage) => {
    const crashes = specs.flatMap((spec) => {
      const result = resultOf(spec, stage);
      return result && (result.status === "crash" || result.status === "timeout") && !knownClass(result)
        ? [describeResult(result)]
        : [];
    });
    expect(crashes).toEqual([]);
  });

  it.each(["load", "lint", "generate", "tsc"] as const)(
    "%s succeeds on every spec swagger-parser validates",
    (stage) => {
      expect(unexpected(stage, validSpecs)).toEqual([]);
    },
  );

  it("has no stale known-failure class (each still matches a failure; delete the ones that do not)", () => {
    for (const stage of ["load", "lint", "generate", "tsc"] as const) unexpected(stage, specs);
    expect(known.filter((k) => k.matched === 0).map((k) => k.line)).toEqual([]);
  });

  it("every spec that fails to load says why with a place and a fix (a refusal, not a crash)", () => {
    const loadFailures = specs
      .map((spec) => resultOf(spec, "load"))
      .filter((r): r is StageResult => r !== undefined && r.status !== "ok");
    const unclear = loadFailures.filter((r) => r.status !== "refused").map(describeResult);
    expect(unclear).toEqual([]);
  });
});
