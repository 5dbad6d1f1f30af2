// The figures of a conformance run and its failure classes (a check plus its message with names, numbers and
// paths blanked, as the corpus summary does), as the --json object and as markdown.
import { failureClass } from "../corpus/summary.js";
import type { ResultTable } from "../corpus/results.js";
import type { ConformResult, OperationOutcome } from "./outcome.js";

export interface FailureClass {
  /** "<check>: <normalised message>"; the check is a per-operation check, or a stage for spec-level failures. */
  signature: string;
  count: number;
  specs: number;
  example: { spec: string; operation?: string; message: string };
}

export interface ConformanceFigures {
  specs: number;
  operations: number;
  roundTripPct: number;
  listTerminatePct: number;
  invalidRejectedPct: number;
  fivexx: number;
  failureClasses: FailureClass[];
  /** Beyond the issue's shape: the counts the percentages are over, and the error-payload check. */
  detail: {
    generated: number;
    refused: number;
    specFailures: number;
    untestable: number;
    listOperations: number;
    invalidTried: number;
    errorPayloadPct: number;
    errorPayloadTried: number;
  };
}

/** Rounded down to one decimal, so that 100 means every one. */
export const pct = (part: number, whole: number): number =>
  whole === 0 ? 100 : Math.floor((1000 * part) / whole) / 10;

export function figures(table: ResultTable<ConformResult>, specs: readonly string[]): ConformanceFigures {
  const outcomes: Array<{ spec: string; outcome: OperationOutcome }> = [];
  const classes = new Map<string, FailureClass>();
  const specsOf = new Map<string, Set<string>>();
  const add = (check: string, message: string, spec: string, operation?: string) => {
    const signature = `${check}: ${failureClass(message)}`;
    const entry = classes.get(signature) ?? {
      signature,
      count: 0,
      specs: 0,
      example: { spec, ...(operation ? { operation } : {}), message },
    };
    entry.count += 1;
    const seen = specsOf.get(signature) ?? new Set();
    seen.add(spec);
    specsOf.set(signature, seen);
    entry.specs = seen.size;
    classes.set(signature, entry);
  };
  let generated = 0;
  let refused = 0;
  let specFailures = 0;
  let ran = 0;
  for (const spec of specs) {
    const stages = table.get(spec);
    const generate = stages?.get("generate");
    const conform = stages?.get("conform");
    if (generate === undefined) continue;
    ran += 1;
    if (generate.status === "ok") generated += 1;
    else if (generate.status === "refused") refused += 1;
    else {
      specFailures += 1;
      add(`generate ${generate.status}`, generate.error ?? "", spec);
    }
    if (conform && conform.status !== "ok" && conform.status !== "failed" && conform.status !== "skipped") {
      specFailures += 1;
      add(`conform ${conform.status}`, conform.error ?? "", spec);
    }
    for (const outcome of conform?.outcomes ?? []) {
      outcomes.push({ spec, outcome });
      for (const failure of outcome.failures) add(failure.check, failure.message, spec, outcome.id);
    }
  }
  const exercised = outcomes.filter(({ outcome }) => outcome.untestable === undefined).map(({ outcome }) => outcome);
  const lists = exercised.filter((o) => o.list && o.checks.terminates !== undefined);
  const invalid = exercised.filter((o) => o.checks.rejectsInvalid !== undefined);
  const payload = exercised.filter((o) => o.checks.errorPayload !== undefined);
  return {
    specs: ran,
    operations: exercised.length,
    roundTripPct: pct(
      exercised.filter((o) => o.checks.accepted === true && o.checks.conforms === true).length,
      exercised.length,
    ),
    listTerminatePct: pct(lists.filter((o) => o.checks.terminates === true).length, lists.length),
    invalidRejectedPct: pct(invalid.filter((o) => o.checks.rejectsInvalid === true).length, invalid.length),
    fivexx: exercised.reduce((n, o) => n + o.fivexx, 0),
    failureClasses: [...classes.values()].sort((a, b) => b.count - a.count || a.signature.localeCompare(b.signature)),
    detail: {
      generated,
      refused,
      specFailures,
      untestable: outcomes.length - exercised.length,
      listOperations: lists.length,
      invalidTried: invalid.length,
      errorPayloadPct: pct(payload.filter((o) => o.checks.errorPayload === true).length, payload.length),
      errorPayloadTried: payload.length,
    },
  };
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ").slice(0, 260);

export function summaryMarkdown(all: ConformanceFigures, valid: ConformanceFigures, title: string): string {
  const row = (name: string, f: ConformanceFigures) =>
    `| ${name} | ${f.specs} | ${f.detail.generated} | ${f.operations} | ${f.roundTripPct}% | ${f.listTerminatePct}% (${f.detail.listOperations}) | ${f.invalidRejectedPct}% (${f.detail.invalidTried}) | ${f.detail.errorPayloadPct}% (${f.detail.errorPayloadTried}) | ${f.fivexx} | ${f.detail.untestable} |`;
  const out = [
    `# Conformance run: ${title}`,
    "",
    "Per spec: client and server generated (minimal preset), the server run with its generated mock handlers and",
    "response validation on, up to 25 operations (chosen evenly) called through the generated client. Percentages",
    "are rounded down; a list's iteration is counted when its first request was accepted.",
    "",
    "| specs | ran | generated | operations | round-trip | lists end (n) | invalid rejected (n) | error payload as documented (n) | 5xx | untestable |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    row("all", all),
    row("swagger-parser valid", valid),
    "",
    `Spec-level failures (generation crash, run crash or timeout): ${all.detail.specFailures}; refused by the minimal preset: ${all.detail.refused}.`,
    "",
    "## Failure classes",
    "",
    "| count | specs | class | example |",
    "|---:|---:|---|---|",
  ];
  for (const c of all.failureClasses.slice(0, 40)) {
    out.push(
      `| ${c.count} | ${c.specs} | ${cell(c.signature)} | ${cell(`${c.example.spec.replace(/^node_modules\//, "")}${c.example.operation ? ` ${c.example.operation}` : ""}: ${c.example.message}`)} |`,
    );
  }
  return out.join("\n") + "\n";
}
