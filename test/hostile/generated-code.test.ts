// Property: for any hostile spec (hostile-spec.ts), loading never crashes; a spec the minimal preset accepts
// generates a client and a server that type-check strictly, and importing every generated module runs nothing
// written in the spec. The specs are drawn with a fixed seed (HOSTILE_SEED to vary it) and checked by one
// compiler run, since tsc is the slow part.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { REPO_ROOT } from "../corpus/corpus-specs.js";
import { generateOutputs } from "../corpus/generate-outputs.js";
import { errorLine, isDiagnostic } from "../corpus/outcome.js";
import { typecheckBatch, type BatchResult } from "../corpus/typecheck.js";
import { hostileSpec } from "./hostile-spec.js";

const SEED = Number(process.env.HOSTILE_SEED ?? 7_2026);
const RUNS = 40;
// Inside the repository (the generated code resolves express and its types from node_modules), unique per run.
mkdirSync(join(REPO_ROOT, ".tmp"), { recursive: true });
const workDir = mkdtempSync(join(REPO_ROOT, ".tmp/hostile-generated-"));
const specs = fc.sample(hostileSpec, { seed: SEED, numRuns: RUNS });

interface Case {
  name: string;
  specFile: string;
  outcome: "generated" | "refused" | "crash";
  message?: string;
}

const cases: Case[] = [];
let typecheck: BatchResult;

beforeAll(async () => {
  for (const [index, spec] of specs.entries()) {
    const name = `spec-${index}`;
    const specFile = join(workDir, `${name}.json`);
    writeFileSync(specFile, JSON.stringify(spec, null, 2));
    try {
      const outcome = await generateOutputs(await loadSpec(specFile), `${name}.json`, join(workDir, name));
      cases.push({ name, specFile, outcome: outcome.refusedBy ? "refused" : "generated", message: outcome.refusedBy });
    } catch (error) {
      cases.push({ name, specFile, outcome: isDiagnostic(error) ? "refused" : "crash", message: errorLine(error) });
    }
  }
  const generated = cases
    .filter((c) => c.outcome === "generated")
    .map((c) => ({ id: c.name, dir: join(workDir, c.name) }));
  typecheck = typecheckBatch(workDir, generated, { timeoutMs: 10 * 60_000 });
}, 20 * 60_000);

afterAll(() => {
  if (process.env.KEEP_HOSTILE !== "1") rmSync(workDir, { recursive: true, force: true });
});

const seedNote = `(seed ${SEED}; KEEP_HOSTILE=1 keeps ${workDir})`;

describe(`generated code from ${RUNS} hostile specs`, () => {
  it("never crashes: every spec generates, or is refused with a diagnostic", () => {
    const crashes = cases.filter((c) => c.outcome === "crash").map((c) => `${c.specFile}: ${c.message}`);
    expect(crashes, seedNote).toEqual([]);
  });

  it("generates code for most of them (the property is exercised, not dodged by refusals)", () => {
    const refused = cases.filter((c) => c.outcome === "refused").map((c) => `${c.name}: ${c.message}`);
    expect(refused.length, `${seedNote}\n${refused.join("\n")}`).toBeLessThan(RUNS / 4);
  });

  it("type-checks strictly (strict, noUncheckedIndexedAccess), every output", () => {
    expect(typecheck.failure, seedNote).toBeUndefined();
    const failing = [...typecheck.verdicts]
      .filter(([, v]) => v.errors > 0)
      .map(([id, v]) => `${id}: ${v.errors} errors, first ${v.first}`);
    expect(failing, seedNote).toEqual([]);
  });

  it("runs nothing from the spec when every generated module is imported", async () => {
    const globals = globalThis as { __pwned?: unknown };
    delete globals.__pwned;
    const failures: string[] = [];
    for (const c of cases.filter((x) => x.outcome === "generated")) {
      for (const side of ["client", "server"]) {
        const dir = join(workDir, c.name, side);
        for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))) {
          try {
            await import(pathToFileURL(join(dir, file)).href);
          } catch (error) {
            failures.push(`${c.name}/${side}/${file} failed to import: ${errorLine(error)}`);
          }
          if (globals.__pwned !== undefined) failures.push(`${c.name}/${side}/${file} ran spec text on import`);
          delete globals.__pwned;
        }
      }
    }
    expect(failures, seedNote).toEqual([]);
  });
});
