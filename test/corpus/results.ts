// The results file: one JSON line per (spec, stage) as it ends, appended, so an interrupted run resumes where it
// stopped. A later line for the same (spec, stage) replaces an earlier one.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Stage, StageResult } from "./outcome.js";

export type ResultTable = Map<string, Map<Stage, StageResult>>;

export function readResults(file: string): ResultTable {
  const table: ResultTable = new Map();
  if (!existsSync(file)) return table;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    let result: StageResult;
    try {
      result = JSON.parse(line) as StageResult;
    } catch {
      continue; // a line cut short by the interruption
    }
    record(table, result);
  }
  return table;
}

export function record(table: ResultTable, result: StageResult): void {
  const stages = table.get(result.spec) ?? new Map<Stage, StageResult>();
  stages.set(result.stage, result);
  table.set(result.spec, stages);
}

export class ResultLog {
  constructor(
    readonly file: string,
    readonly table: ResultTable,
  ) {
    mkdirSync(dirname(file), { recursive: true });
  }

  add(result: StageResult): void {
    record(this.table, result);
    appendFileSync(this.file, JSON.stringify(result) + "\n");
  }
}
