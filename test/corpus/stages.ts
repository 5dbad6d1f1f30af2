// The in-process stages over one spec: validate (swagger-parser, the reference), load, lint, generate, and
// openapi-typescript alone. Type-checking is batched across specs (typecheck.ts), so it is not here.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import openapiTS, { astToString } from "openapi-typescript";
import { loadSpec, type SpecDocument } from "../../generator/load/index.js";
import { ALL_RULES, lintDocument, presetConfig } from "../../generator/conventions/index.js";
import { generateOutputs } from "./generate-outputs.js";
import { REPO_ROOT } from "./corpus-specs.js";
import { errorLine, firstLine, isDiagnostic, NEEDS, type Stage, type StageResult, type Status } from "./outcome.js";

const INTERNAL_RULE_ERROR = /^internal error in rule /;

/** Where a spec's generated code goes: ours under `ours/`, openapi-typescript's under `ots/`. */
export function outputDirs(outDir: string): { ours: string; ots: string } {
  return { ours: join(outDir, "ours"), ots: join(outDir, "ots") };
}

interface StageOutcome {
  status: Status;
  error?: string;
  detail?: Record<string, number>;
}

/**
 * Runs the requested in-process stages over one spec, in order, reporting each as it ends. A stage whose input an
 * earlier stage failed to produce is reported as skipped. Returns the stages that produced code to type-check.
 */
export async function runSpecStages(
  spec: string,
  stages: readonly Stage[],
  outDir: string,
  events: { start(stage: Stage): void; end(result: StageResult): void },
): Promise<Set<Stage>> {
  const path = resolve(REPO_ROOT, spec);
  const dirs = outputDirs(outDir);
  const produced = new Set<Stage>();
  let document: SpecDocument | undefined;

  const work: Partial<Record<Stage, () => Promise<StageOutcome>>> = {
    validate: async () => {
      try {
        await SwaggerParser.validate(path);
        return { status: "ok" };
      } catch (error) {
        return { status: "refused", error: errorLine(error) };
      }
    },
    load: async () => {
      document = await loadSpec(path);
      return {
        status: "ok",
        detail: { files: document.files.size, structuralProblems: document.structuralProblems.length },
      };
    },
    lint: async () => {
      const diagnostics = lintDocument(document!, presetConfig("recommended", ALL_RULES));
      const internal = diagnostics.find((d) => INTERNAL_RULE_ERROR.test(d.message));
      const detail = {
        errors: diagnostics.filter((d) => d.severity === "error").length,
        warnings: diagnostics.filter((d) => d.severity === "warn").length,
      };
      if (internal) return { status: "crash", error: firstLine(`${internal.ruleId}: ${internal.message}`), detail };
      return { status: "ok", detail };
    },
    generate: async () => {
      const outcome = await generateOutputs(document!, spec, dirs.ours);
      return outcome.refusedBy
        ? { status: "refused", error: outcome.refusedBy }
        : { status: "ok", detail: { files: outcome.files } };
    },
    ots: async () => {
      const ast = await openapiTS(pathToFileURL(path), { silent: true });
      await mkdir(dirs.ots, { recursive: true });
      await writeFile(join(dirs.ots, "types.ts"), astToString(ast));
      return { status: "ok" };
    },
  };

  for (const stage of stages) {
    const run = work[stage];
    if (!run) continue;
    const needed = NEEDS[stage];
    if (needed && !(needed === "load" ? document : produced.has(needed))) {
      events.end({ spec, stage, status: "skipped", error: `no ${needed} output`, ms: 0 });
      continue;
    }
    events.start(stage);
    const started = performance.now();
    let outcome: StageOutcome;
    try {
      outcome = await run();
    } catch (error) {
      outcome = { status: isDiagnostic(error) ? "refused" : "crash", error: errorLine(error) };
    }
    if (outcome.status === "ok") produced.add(stage);
    events.end({
      spec,
      stage,
      ...outcome,
      ms: Math.round(performance.now() - started),
      rssMb: Math.round(process.memoryUsage().rss / 1048576),
    });
  }
  return produced;
}
