// One spec through the conformance run: generate client and server (minimal preset, as `npm run corpus` does),
// serve the generated mock, exercise up to OPERATION_CAP operations chosen evenly. Reports a `generate` and a
// `conform` result; used by the worker (npm run conformance) and by the CI sample test alike.
import { join, resolve } from "node:path";
import { loadSpec } from "../../generator/load/index.js";
import type { ApiModel, Operation } from "../../generator/model/ir.js";
import { unreachableOperations } from "../../generator/model/equivalent-paths.js";
import { importTypeScript } from "../../generator/typescript-import.js";
import { REPO_ROOT } from "../corpus/corpus-specs.js";
import { generateOutputs } from "../corpus/generate-outputs.js";
import { errorLine, isDiagnostic } from "../corpus/outcome.js";
import { recorder } from "./exchanges.js";
import { exercise, newOutcome, type SpecContext } from "./exercise.js";
import type { ConformResult, ConformStage, OperationOutcome } from "./outcome.js";
import { serveMock } from "./serve.js";
import { specSchemas } from "./spec-schemas.js";

export const OPERATION_CAP = 25;

/** At most `cap` operations, spread evenly over the model's order (group, then name): the same ones every run. */
export function chooseOperations(operations: readonly Operation[], cap = OPERATION_CAP): Operation[] {
  if (operations.length <= cap) return [...operations];
  return Array.from({ length: cap }, (_, i) => operations[Math.floor((i * operations.length) / cap)]!);
}

/**
 * Why each operation no request can reach is not exercised: of two equivalent paths (`/v1/{name}/notes` and
 * `/v1/{parent}/notes`, which OpenAPI forbids) the server routes every request to the first, so the other's
 * requests would be judged against an operation they were not built for. Generation warns about those too.
 */
export function unreachableReasons(operations: readonly Operation[]): Map<Operation, string> {
  return new Map(
    unreachableOperations(operations).map(({ operation, winner }) => [
      operation,
      `unreachable: its path is equivalent to "${winner.path}", whose ${winner.method.toUpperCase()} (${winner.id}) the server routes every such request to`,
    ]),
  );
}

// One credential for every scheme kind the generated client can send (mutual TLS has none: no HTTP field carries it).
const CREDENTIALS = {
  bearer: "conformance-token",
  apiKey: "conformance-key",
  basic: { username: "conformance", password: "secret" },
  accessToken: "conformance-token",
  http: "conformance-credentials",
};

export async function conformSpec(
  spec: string,
  outDir: string,
  events: {
    start(stage: ConformStage): void;
    end(result: ConformResult): void;
    /** Before each operation, with the outcomes so far: lets a runner say where a stage that overran stopped. */
    exercising?(op: Operation, done: readonly OperationOutcome[]): void;
  },
): Promise<void> {
  const rss = () => Math.round(process.memoryUsage().rss / 1048576);
  events.start("generate");
  let started = performance.now();
  let model: ApiModel | undefined;
  let bundled: Record<string, unknown> | undefined;
  try {
    const document = await loadSpec(resolve(REPO_ROOT, spec));
    const outcome = await generateOutputs(document, spec, outDir, { skipTypes: true });
    if (outcome.refusedBy !== undefined) {
      events.end({
        spec,
        stage: "generate",
        status: "refused",
        error: outcome.refusedBy,
        ms: Math.round(performance.now() - started),
      });
    } else {
      model = outcome.model;
      bundled = outcome.bundled;
      events.end({ spec, stage: "generate", status: "ok", ms: Math.round(performance.now() - started), rssMb: rss() });
    }
  } catch (error) {
    events.end({
      spec,
      stage: "generate",
      status: isDiagnostic(error) ? "refused" : "crash",
      error: errorLine(error),
      ms: Math.round(performance.now() - started),
    });
  }
  if (model === undefined || bundled === undefined) {
    events.end({ spec, stage: "conform", status: "skipped", error: "no generate output", ms: 0 });
    return;
  }

  events.start("conform");
  started = performance.now();
  const chosen = chooseOperations(model.operations);
  const unreachable = unreachableReasons(model.operations);
  const outcomes: OperationOutcome[] = [];
  let served: Awaited<ReturnType<typeof serveMock>> | undefined;
  try {
    served = await serveMock(join(outDir, "server"), model);
    const generated = await importTypeScript<{ createClient(options: object): SpecContext["client"] }>(
      join(outDir, "client", "client.ts"),
    );
    const record = recorder();
    const context: SpecContext = {
      model,
      document: bundled,
      schemas: specSchemas(bundled),
      client: generated.createClient({ baseUrl: served.baseUrl, auth: CREDENTIALS, fetch: record.fetch }),
      recorder: record,
      served,
    };
    for (const op of chosen) {
      events.exercising?.(op, outcomes);
      const reason = unreachable.get(op);
      outcomes.push(
        reason === undefined ? await exercise(context, op) : { ...newOutcome(bundled, op), untestable: reason },
      );
    }
    const failed = outcomes.some((o) => o.failures.length > 0);
    events.end({
      spec,
      stage: "conform",
      status: failed ? "failed" : "ok",
      error: outcomes.flatMap((o) => o.failures.map((f) => `${o.id} ${f.check}: ${f.message}`))[0],
      ms: Math.round(performance.now() - started),
      rssMb: rss(),
      detail: { operations: model.operations.length, exercised: chosen.length },
      outcomes,
    });
  } catch (error) {
    events.end({
      spec,
      stage: "conform",
      status: "crash",
      error: errorLine(error),
      ms: Math.round(performance.now() - started),
      outcomes,
    });
  } finally {
    await served?.close();
  }
}
