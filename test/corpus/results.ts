// The results file: one JSON line per (spec, stage) as it ends, appended, so an interrupted run resumes where it
// stopped. A later line for the same (spec, stage) replaces an earlier one. Results are the corpus stages' by
// default; the conformance run keeps its own result shape in the same kind of file.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { StageResult } from "./outcome.js";

/** The least a result line carries: which spec and which stage it is about. */
export interface Keyed {
  spec: string;
  stage: string;
}

export type ResultTable<R extends Keyed = StageResult> = Map<string, Map<R["stage"], R>>;

export function readResults<R extends Keyed = StageResult>(file: string): ResultTable<R> {
  const table: ResultTable<R> = new Map();
  if (!existsSync(file)) return table;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    let result: R;
    try {
      result = JSON.parse(line) as R;
    } catch {
      continue; // a line cut short by the interruption
    }
    record(table, result);
  }
  return table;
}

export function record<R extends Keyed>(table: ResultTable<R>, result: R): void {
  const stages = table.get(result.spec) ?? new Map<R["stage"], R>();
  stages.set(result.stage, result);
  table.set(result.spec, stages);
}

export class ResultLog<R extends Keyed = StageResult> {
  constructor(
    readonly file: string,
    readonly table: ResultTable<R>,
  ) {
    mkdirSync(dirname(file), { recursive: true });
  }

  add(result: R): void {
    record(this.table, result);
    appendFileSync(this.file, JSON.stringify(result) + "\n");
  }
}
