// The markdown report of a corpus run: a stage x outcome table over all specs and over the specs swagger-parser
// validates, timings, and the failure classes (errors with names, numbers and paths blanked, grouped).
import { STAGES, type Stage, type StageResult, type Status } from "./outcome.js";
import type { ResultTable } from "./results.js";

const STATUSES: Status[] = ["ok", "refused", "failed", "crash", "timeout", "skipped"];
const STAGE_TITLES: Record<Stage, string> = {
  validate: "swagger-parser validate (reference)",
  load: "load",
  lint: "lint (recommended)",
  generate: "generate client + server (minimal)",
  tsc: "type-check ours (strict)",
  ots: "openapi-typescript alone",
  "ots-tsc": "type-check openapi-typescript's (strict)",
};

/** Blanks what varies between specs so that one cause is one class. */
export function failureClass(error: string | undefined): string {
  return (error ?? "(no message)")
    .replace(/Invalid regular expression: \/.*\/(\w*): /, "Invalid regular expression: ‹regex›/$1: ")
    .replace(/"(?:[^"\\]|\\.)*(?:"|$)|'(?:[^'\\]|\\.)*(?:'|$)|`(?:[^`\\]|\\.)*(?:`|$)/g, "‹…›")
    .replace(/(?:\/[\w.@~-]+)+\/?/g, "‹path›")
    .replace(/\b\d+(?:\.\d+)*\b/g, "N")
    .replace(/^[^(]*\(N,N\): /, "")
    .slice(0, 160);
}

// Rounded down, so that 100.0% means every one.
const percent = (part: number, whole: number) =>
  whole === 0 ? "–" : `${(Math.floor((1000 * part) / whole) / 10).toFixed(1)}%`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function stageTable(rows: Array<[Stage, StageResult[]]>): string[] {
  const lines = [
    `| stage | ${STATUSES.join(" | ")} | total | ok % |`,
    `|---|${STATUSES.map(() => "---:|").join("")}---:|---:|`,
  ];
  for (const [stage, results] of rows) {
    if (results.length === 0) continue;
    const count = (status: Status) => results.filter((r) => r.status === status).length;
    const ran = results.length - count("skipped");
    lines.push(
      `| ${STAGE_TITLES[stage]} | ${STATUSES.map((s) => count(s)).join(" | ")} | ${results.length} | ${percent(count("ok"), ran)} |`,
    );
  }
  return lines;
}

export function summarise(table: ResultTable, specs: readonly string[]): string {
  const resultsFor = (stage: Stage, only?: (spec: string) => boolean) =>
    specs
      .filter((spec) => !only || only(spec))
      .flatMap((spec) => {
        const result = table.get(spec)?.get(stage);
        return result ? [result] : [];
      });
  const valid = (spec: string) => table.get(spec)?.get("validate")?.status === "ok";
  const out: string[] = [
    `# Corpus run: ${specs.length} specs`,
    "",
    "ok % is over the specs the stage ran on (skipped ones excluded).",
    "",
    "## All specs",
    "",
  ];
  out.push(...stageTable(STAGES.map((stage) => [stage, resultsFor(stage)])));
  out.push("", "## Specs swagger-parser validates", "");
  out.push(...stageTable(STAGES.filter((s) => s !== "validate").map((stage) => [stage, resultsFor(stage, valid)])));

  const invalidLoads = resultsFor("load", valid).filter((r) => r.status !== "ok");
  out.push(
    "",
    `Valid specs (per swagger-parser) that did not load: ${invalidLoads.length}${invalidLoads.length ? ": " + invalidLoads.map((r) => r.spec).join(", ") : ""}`,
  );

  out.push(
    "",
    "## Time and memory",
    "",
    "| stage | specs | median ms | max ms | slowest | max RSS MiB |",
    "|---|---:|---:|---:|---|---:|",
  );
  for (const stage of STAGES) {
    const ran = resultsFor(stage).filter((r) => r.status !== "skipped" && r.status !== "timeout");
    if (ran.length === 0) continue;
    const slowest = ran.reduce((a, b) => (b.ms > a.ms ? b : a));
    const rss = Math.max(0, ...ran.map((r) => r.rssMb ?? 0));
    out.push(
      `| ${stage} | ${ran.length} | ${median(ran.map((r) => r.ms))} | ${slowest.ms} | ${slowest.spec.split("/").slice(-2).join("/")} | ${rss || "–"} |`,
    );
  }

  out.push("", "## Failure classes", "");
  for (const stage of STAGES) {
    const bad = resultsFor(stage).filter((r) => r.status !== "ok" && r.status !== "skipped" && !(stage === "validate"));
    if (bad.length === 0) continue;
    const classes = new Map<string, StageResult[]>();
    for (const result of bad) {
      const key = `${result.status}: ${failureClass(result.error)}`;
      classes.set(key, [...(classes.get(key) ?? []), result]);
    }
    out.push(
      `### ${STAGE_TITLES[stage]} (${bad.length})`,
      "",
      "| count | valid | class | example |",
      "|---:|---:|---|---|",
    );
    for (const [key, members] of [...classes].sort((a, b) => b[1].length - a[1].length).slice(0, 25)) {
      const example = members[0]!;
      out.push(
        `| ${members.length} | ${members.filter((m) => valid(m.spec)).length} | ${escapeCell(key)} | ${example.spec.replace(/^node_modules\//, "")}: ${escapeCell(example.error ?? "")} |`,
      );
    }
    out.push("");
  }
  return out.join("\n") + "\n";
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ").slice(0, 240);
}
