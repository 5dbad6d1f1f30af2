// What the conformance run records: per spec, a `validate` (swagger-parser's verdict, the reference the figures are
// split by), a `generate` and a `conform` result, one JSON line each as the corpus run does per stage; the `conform`
// line carries one outcome per exercised operation.
import type { Status } from "../corpus/outcome.js";

export const CONFORM_STAGES = ["validate", "generate", "conform"] as const;
export type ConformStage = (typeof CONFORM_STAGES)[number];

/** The checks of one operation (issue 12): each is true (passed), false (failed) or absent (not applicable). */
export interface Checks {
  /** The valid request got no 4xx (and no 5xx). */
  accepted?: boolean;
  /** The response's status is documented and its body validates against the spec (checked here, with ajv). */
  conforms?: boolean;
  /** List operations: iteration ended within the page limit, every page request accepted. */
  terminates?: boolean;
  /** The invalid request got a 4xx with an error payload (never a 2xx or a 5xx). */
  rejectsInvalid?: boolean;
  /** That 4xx payload validates against the spec's response for its status (when the spec documents one). */
  errorPayload?: boolean;
}

/** `stalled`: the operation was still being exercised when its spec's stage overran its time limit. */
export type CheckName = keyof Checks | "5xx" | "stalled";

export interface Failure {
  check: CheckName;
  message: string;
}

export interface OperationOutcome {
  id: string;
  method: string;
  path: string;
  list: boolean;
  checks: Checks;
  failures: Failure[];
  /** Responses with a 5xx status, over every request of this operation. */
  fivexx: number;
  /** Why the operation was not exercised (no valid input could be built from the spec). */
  untestable?: string;
  /** Pages requested while iterating (list operations). */
  pages?: number;
}

export interface ConformResult {
  spec: string;
  stage: ConformStage;
  status: Status;
  error?: string;
  ms: number;
  rssMb?: number;
  /** Operations in the spec, and those exercised (at most the per-spec cap, chosen evenly). */
  detail?: { operations: number; exercised: number };
  outcomes?: OperationOutcome[];
}
