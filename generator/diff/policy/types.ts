import type { Classification } from "../types.js";

/** Where a policy entry is written (config file or --accept file), for its errors and warnings. */
export interface EntryPlace {
  file: string;
  line: number;
  column: number;
}

/** One accept-list entry: a known change that is allowed through the gate, for a reason, until a date. */
export interface AcceptEntry {
  /** A check id (generator/diff/README.md#checks). */
  check: string;
  /** `METHOD /path` or an operationId; absent only for changes outside any operation (`error-schema-*`, ...). */
  operation?: string;
  /** A JSON pointer the change has in the old or the new document (its `old.pointer` or `new.pointer`). */
  pointer?: string;
  reason: string;
  /** `YYYY-MM-DD`: the last day the entry holds. */
  expires: string;
  at: EntryPlace;
}

export type StabilityLevel = "alpha" | "beta";

/** `diff.stability`: operations matched by `METHOD /glob` (or `/glob` for every method) are alpha or beta. */
export interface StabilityRule {
  selector: string;
  level: StabilityLevel;
  at: EntryPlace;
}

/** What a team decides on top of the checks' judgement: `diff:` in specwright.config.yaml, plus `--accept FILE`. */
export interface DiffPolicy {
  /** `diff.severity`: the classification a check gives, overridden. */
  severity: Record<string, { classification: Classification; at: EntryPlace }>;
  stability: StabilityRule[];
  accept: AcceptEntry[];
}

export const EMPTY_POLICY: DiffPolicy = { severity: {}, stability: [], accept: [] };
